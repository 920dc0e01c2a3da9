<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stable anchors: every mention (m1, m2, …), date (d1, …) and block of text (p1, …) of a
  document gets an id, in document order, so that registers, the chronology, search results and
  citations can point to the exact place. The HTML pages and the extracts both take them from
  here, so they always agree. An element's own xml:id wins.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:is-mention" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:persName or self::tei:placeName or self::tei:orgName
                                    or self::tei:objectName or self::tei:eventName])"/>
  </xsl:function>

  <!-- Blocks: the units a search result or a citation points to. -->
  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:p or self::tei:head or self::tei:dateline or self::tei:item
                                    or self::tei:gap or self::tei:salute or self::tei:signed])"/>
  </xsl:function>

  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" as="xs:string">
      <xsl:choose>
        <xsl:when test="ed:is-mention($e)">
          <xsl:number select="$e" level="any" format="1"
              count="tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:eventName"/>
        </xsl:when>
        <xsl:when test="$e/self::tei:date">
          <xsl:number select="$e" level="any" format="1" count="tei:date"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:number select="$e" level="any" format="1"
              count="tei:p | tei:head | tei:dateline | tei:item | tei:gap | tei:salute | tei:signed"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="$anchor-prefix || string(($e/@xml:id,
                                  (if (ed:is-mention($e)) then 'm' else if ($e/self::tei:date) then 'd' else 'p') || $n)[1])"/>
  </xsl:function>

  <!-- Up to $width characters of the block's text before or after $e: a mention in context. -->
  <xsl:function name="ed:context" as="map(xs:string, xs:string)">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="block" select="($e/ancestor::*[ed:is-block(.)], $e/ancestor::tei:bibl, $e/ancestor::tei:correspAction, $e/..)[1]"/>
    <xsl:variable name="before" select="replace(replace(string-join($block//text()[. &lt;&lt; $e], ''), '\s+', ' '), '^ ', '')"/>
    <xsl:variable name="after" select="replace(replace(string-join($block//text()[. >> $e][not(ancestor::* intersect $e)], ''), '\s+', ' '), ' $', '')"/>
    <xsl:sequence select="map {
        'before': if (string-length($before) gt $width) then '…' || substring($before, string-length($before) - $width + 1) else $before,
        'text': normalize-space($e),
        'after': if (string-length($after) gt $width) then substring($after, 1, $width) || '…' else $after
      }"/>
  </xsl:function>

</xsl:stylesheet>
