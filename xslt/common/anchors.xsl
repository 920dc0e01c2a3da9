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
                                    or self::tei:objectName or self::tei:eventName or self::tei:rs or self::tei:title[@ref]])"/>
  </xsl:function>

  <!-- Blocks: the units a search result or a citation points to. -->
  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:p or self::tei:head or self::tei:dateline or self::tei:item
                                    or self::tei:gap or self::tei:salute or self::tei:signed])"/>
  </xsl:function>

  <!--
    Running counts in document order, so that an anchor's number costs nothing however long
    the document: xsl:number level="any" walks back over the whole document for each element.
  -->
  <!-- Documents read in the default mode carry the counts (every mode that starts a transform says so too). -->
  <xsl:mode use-accumulators="#all"/>

  <xsl:accumulator name="ed:mention-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:eventName | tei:rs | tei:title[@ref]" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="ed:date-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:date" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="ed:block-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:p | tei:head | tei:dateline | tei:item | tei:gap | tei:salute | tei:signed" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="n" as="xs:integer">
      <xsl:choose>
        <xsl:when test="ed:is-mention($e)">
          <xsl:sequence select="$e/accumulator-before('ed:mention-count')"/>
        </xsl:when>
        <xsl:when test="$e/self::tei:date">
          <xsl:sequence select="$e/accumulator-before('ed:date-count')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$e/accumulator-before('ed:block-count')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="$anchor-prefix || string(($e/@xml:id,
                                  (if (ed:is-mention($e)) then 'm' else if ($e/self::tei:date) then 'd' else 'p') || $n)[1])"/>
  </xsl:function>

</xsl:stylesheet>
