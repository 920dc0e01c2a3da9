<?xml version="1.0" encoding="UTF-8"?>
<!--
  A map of places (map-json, laid out by src/site/map.ts when the page is built): the land and
  borders as SVG paths, a marker for each place linked to its entry, its name beside it where
  there is room (else in the marker's title). No script, nothing fetched. The caption names every
  place on the map as a link, for a reader who does not see the picture.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="ed:map">
    <!-- What the caption says the map shows, before the places' names. -->
    <xsl:param name="caption" as="xs:string"/>
    <xsl:variable name="map" select="parse-json($map-json)"/>
    <xsl:if test="exists($map)">
      <figure class="map">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$map?width} {$map?height}" width="{$map?width}" height="{$map?height}" role="group" aria-labelledby="map-caption">
          <rect class="map-sea" width="{$map?width}" height="{$map?height}"/>
          <path class="map-land" d="{$map?land}"/>
          <path class="map-borders" d="{$map?borders}"/>
          <xsl:for-each select="$map?places?*">
            <a href="{$path-to-root}{?href}" class="map-place">
              <title><xsl:value-of select="?name"/></title>
              <circle cx="{?x}" cy="{?y}" r="4.5"/>
              <xsl:if test="?label != 'none'">
                <!-- The name's baseline and anchor for each side src/site/map.ts chose. -->
                <xsl:variable name="at" select="map {
                    'right': (?x + 7, ?y + 4, 'start'), 'left': (?x - 7, ?y + 4, 'end'),
                    'below': (?x, ?y + 19, 'middle'), 'above': (?x, ?y - 9, 'middle') }(?label)"/>
                <text x="{$at[1]}" y="{$at[2]}" text-anchor="{$at[3]}"><xsl:value-of select="?name"/></text>
              </xsl:if>
            </a>
          </xsl:for-each>
        </svg>
        <figcaption id="map-caption">
          <xsl:value-of select="$caption"/>
          <xsl:text>: </xsl:text>
          <!-- Sorted by xsl:sort, not sort() with a function: Saxon-HE (Java) has no function items. -->
          <xsl:for-each select="$map?places?*">
            <xsl:sort select="lower-case(?name)"/>
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{$path-to-root}{?href}"><xsl:value-of select="?name"/></a>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
