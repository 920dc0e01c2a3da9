<?xml version="1.0" encoding="UTF-8"?>
<!--
  The chronology (mode chronology): every date of the edition in order — the documents' own
  dates and the dates their texts mention — each linked to its place, above them a timeline
  drawn as SVG when the page is built (no script; laid out by src/site/timeline.ts). An edition
  with many dates gets a page per year instead (mode chronology-year), and the chronology lists
  the years.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="chronology" on-no-match="shallow-skip"/>
  <xsl:mode name="chronology-year" on-no-match="shallow-skip"/>

  <!-- The chronology: every date on one page, or for a large edition the years, each with its page. -->
  <xsl:template match="/" mode="chronology">
    <xsl:variable name="years" select="parse-json($chronology-years-json)?*"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:text('nav.chronology')"/>
      <xsl:with-param name="section" select="'chronology'"/>
      <xsl:with-param name="section-page" select="true()"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="ed:text('nav.chronology')"/></h1>
        <xsl:choose>
          <xsl:when test="exists($years)">
            <p class="register-summary">
              <xsl:value-of select="ed:count('chronology.summary-years', xs:integer(sum($years ! ?count)))"/>
            </p>
            <ol class="chronology-years">
              <xsl:for-each select="$years">
                <li><a href="{?url}"><xsl:value-of select="ed:year-label(?label)"/></a>
                  <span class="chronology-count"><xsl:value-of select="' — ' || ed:count('chronology.dates', xs:integer(?count))"/></span>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="register-summary"><xsl:value-of select="ed:text('chronology.summary')"/></p>
            <xsl:call-template name="ed:chronology-items">
              <xsl:with-param name="items" select="parse-json($chronology-json)?*"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One year of a chronology split into years (chronology/1966.html); chronology-years-json names the year. -->
  <xsl:template match="/" mode="chronology-year">
    <xsl:variable name="items" select="parse-json($chronology-json)?*"/>
    <xsl:variable name="year" select="ed:year-label(parse-json($chronology-years-json)?*[1]?label)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:text('chronology.year', map { 'year': string($year) })"/>
      <xsl:with-param name="section" select="'chronology'"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <nav class="breadcrumb" aria-label="{ed:text('nav.chronology')}">
          <a href="{$path-to-root}chronology.html"><xsl:value-of select="ed:text('nav.chronology')"/></a>
        </nav>
        <h1><xsl:value-of select="ed:text('chronology.year', map { 'year': string($year) })"/></h1>
        <xsl:call-template name="ed:chronology-items">
          <xsl:with-param name="items" select="$items"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A year of the chronology as a heading says it: the dates with no year to place them by (src/model/extracts.ts, UNDATED) as undated, in the edition's words. -->
  <xsl:function name="ed:year-label" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="if ($year = 'undated') then ed:text('date.undated') else $year"/>
  </xsl:function>

  <!-- Dates in order, each linked to its place, above them a timeline. -->
  <xsl:template name="ed:chronology-items">
    <xsl:param name="items" as="map(*)*"/>
    <xsl:call-template name="ed:timeline"/>
    <ol class="chronology">
      <xsl:for-each select="$items">
        <li class="chronology-{?kind}">
          <p class="chronology-date">
            <xsl:choose>
              <xsl:when test="?when castable as xs:date or ?when castable as xs:gYear or ?when castable as xs:gYearMonth">
                <time datetime="{?when}"><xsl:value-of select="?label"/></time>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="?label"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <p class="chronology-what">
            <xsl:choose>
              <xsl:when test="?kind = 'document'">
                <span class="chronology-kind"><xsl:value-of select="ed:text('chronology.document') || ' '"/></span>
                <a href="{$path-to-root}{?url}{?anchor[. != ''] ! ('#' || .)}"><xsl:value-of select="?title"/></a>
              </xsl:when>
              <xsl:otherwise>
                <a href="{$path-to-root}{?url}{?anchor[. != ''] ! ('#' || .)}">
                  <xsl:value-of select="?before"/>
                  <mark><xsl:value-of select="?text"/></mark>
                  <xsl:value-of select="?after"/>
                </a>
                <span class="chronology-source"> — <xsl:value-of select="?title"/></span>
              </xsl:otherwise>
            </xsl:choose>
          </p>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!--
    The timeline as src/site/timeline.ts laid it out: time runs down the axis (broken between
    years far apart), each date a dot linked to its place, its label to the right, led to by a
    line where it had to move down clear of the label above. Drawn at its own size in pixels.
  -->
  <xsl:template name="ed:timeline">
    <xsl:variable name="timeline" select="parse-json($timeline-json)"/>
    <xsl:if test="exists($timeline)">
      <xsl:variable name="x" select="$timeline?axisX"/>
      <xsl:variable name="label-x" select="$timeline?labelX"/>
      <figure class="timeline">
        <svg xmlns="http://www.w3.org/2000/svg" width="{$timeline?width}" height="{$timeline?height}" viewBox="0 0 {$timeline?width} {$timeline?height}"
             role="group" aria-labelledby="timeline-title">
          <title id="timeline-title"><xsl:value-of select="ed:count(if ($timeline?first = $timeline?last) then 'timeline.caption-year' else 'timeline.caption-years',
                                                                      xs:integer($timeline?dates), map { 'first': string($timeline?first), 'last': string($timeline?last) })"/></title>
          <xsl:for-each select="$timeline?axes?*">
            <line class="timeline-axis" x1="{$x}" y1="{?y1}" x2="{$x}" y2="{?y2}"/>
          </xsl:for-each>
          <xsl:for-each select="$timeline?breaks?*">
            <text class="timeline-break" x="{$x}" y="{. + 5}" text-anchor="middle">⋮</text>
          </xsl:for-each>
          <xsl:for-each select="$timeline?ticks?*">
            <line class="timeline-tick" x1="{$x - 4}" y1="{?y}" x2="{$x + 4}" y2="{?y}"/>
            <text class="timeline-year" x="{$x - 10}" y="{?y + 4}" text-anchor="end"><xsl:value-of select="?label"/></text>
          </xsl:for-each>
          <xsl:for-each select="$timeline?points?*">
            <a href="{$path-to-root}{?href}" class="timeline-point timeline-{?kind}">
              <title><xsl:value-of select="?title"/></title>
              <circle cx="{$x}" cy="{?y}" r="5"/>
              <xsl:if test="exists(?labelY)">
                <polyline class="timeline-stem" points="{$x},{?y} {$x + 10},{?y} {$label-x - 4},{?labelY}"/>
                <text x="{$label-x}" y="{?labelY + 5}"><xsl:value-of select="?label"/></text>
              </xsl:if>
            </a>
          </xsl:for-each>
        </svg>
        <figcaption>
          <span class="timeline-key timeline-key-document"><xsl:value-of select="ed:text('timeline.document')"/></span>
          <span class="timeline-key timeline-key-mention"><xsl:value-of select="ed:text('timeline.mention')"/></span>
          <span><xsl:value-of select="ed:text('timeline.help')"/></span>
        </figcaption>
      </figure>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
