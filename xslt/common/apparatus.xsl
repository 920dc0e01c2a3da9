<?xml version="1.0" encoding="UTF-8"?>
<!--
  A critical apparatus (TEI's textcrit module), as EpiDoc and critical editions encode one: an
  entry (app) gives the reading the editors adopt (lem) and the others (rdg), each with its
  sources (@wit, @source: their sigla). In the text the adopted reading is read, the others set
  after it between brackets; in an apparatus of its own (listApp: EpiDoc's div type="apparatus")
  each entry reads as editions print it: "1 lem ] rdg (siglum); rdg".
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!-- An apparatus: its entries, one a line. -->
  <xsl:template match="tei:listApp">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'listApp'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An entry of an apparatus: where (its line), the adopted reading, a bracket, the others with their sigla. -->
  <xsl:template match="tei:listApp/tei:app" priority="2">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'app'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="@loc"><xsl:value-of select="@loc || ' '"/></xsl:if>
        <xsl:apply-templates select="tei:lem/node()"/>
        <xsl:if test="tei:lem"><xsl:text> ] </xsl:text></xsl:if>
        <xsl:call-template name="ed:readings">
          <xsl:with-param name="readings" select="(tei:rdg | tei:rdgGrp/tei:rdg)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- An entry within the text: the adopted reading (else the first), the others after it between brackets. -->
  <xsl:template match="tei:app">
    <xsl:variable name="adopted" select="(tei:lem, tei:rdg, tei:rdgGrp/tei:rdg)[1]"/>
    <xsl:apply-templates select="$adopted/node()"/>
    <xsl:variable name="others" select="(tei:rdg | tei:rdgGrp/tei:rdg) except $adopted"/>
    <xsl:if test="$others">
      <xsl:call-template name="ed:inline">
        <xsl:with-param name="kind" select="'readings'"/>
        <xsl:with-param name="content" as="node()*">
          <xsl:text> [</xsl:text>
          <xsl:call-template name="ed:readings"><xsl:with-param name="readings" select="$others"/></xsl:call-template>
          <xsl:text>]</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Readings, each with its sigla (its witnesses' and sources' ids, as an apparatus prints sigla), set apart by semicolons. -->
  <xsl:template name="ed:readings">
    <xsl:param name="readings" as="element()*"/>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="not(normalize-space())"><xsl:text>–</xsl:text></xsl:if>
      <xsl:variable name="sigla" select="tokenize(normalize-space(string-join((@wit, @source), ' '))) ! replace(., '^#', '')"/>
      <xsl:if test="exists($sigla)"><xsl:value-of select="' (' || string-join($sigla, ', ') || ')'"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A reading or group of readings outside an entry (a stray one): its words. -->
  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp">
    <xsl:apply-templates/>
  </xsl:template>

</xsl:stylesheet>
