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
    xmlns:p="urn:x-editio:prepared"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:is-mention" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:persName or self::tei:placeName or self::tei:orgName
                                    or self::tei:objectName or self::tei:eventName or self::tei:rs or self::tei:title[@ref]
                                    or self::tei:speaker[parent::tei:sp/@who]])"/>
  </xsl:function>

  <!-- What a mention points with: @ref, else @corresp (else, for a speaker, its speech's @who): src/transform/anchors.ts, mentionPointer. -->
  <xsl:function name="ed:mention-pointer" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/@ref, $e/@corresp, $e/self::tei:speaker/parent::tei:sp/@who)[1] ! string()"/>
  </xsl:function>

  <!-- Blocks: the units a search result or a citation points to. -->
  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:p or self::tei:head or self::tei:dateline or self::tei:item
                                    or self::tei:gap or self::tei:salute or self::tei:signed])"/>
  </xsl:function>

  <!-- Passages: the blocks, verse lines, an ab, an address: each has an anchor, which search results link to (src/transform/anchors.ts, isPassage). -->
  <xsl:function name="ed:is-passage" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:is-block($e) or exists($e[self::tei:l or self::tei:ab or self::tei:address])"/>
  </xsl:function>

  <!-- The anchors are counted once, when the source is prepared for the stylesheets (src/transform/prepare.ts): its own xml:id, else p:a. -->
  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$anchor-prefix || string(($e/@xml:id, $e/@p:a)[1])"/>
  </xsl:function>

</xsl:stylesheet>
