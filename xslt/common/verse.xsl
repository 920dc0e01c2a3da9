<?xml version="1.0" encoding="UTF-8"?>
<!--
  Verse (TEI's verse module and core's l and lg): stanzas set apart, each line a line of its own,
  every fifth numbered (its @n, else counted: src/transform/prepare.ts writes the numbers to
  show), indented as @rend or @rendition says, and a line split between speakers (@part) set on
  from where its first part ends.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    exclude-result-prefixes="#all">

  <!-- A stanza (or a group of lines): set apart as a block of its lines. -->
  <xsl:template match="tei:lg">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'lg'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A line among blocks is a block; a line written within a paragraph keeps its line too. -->
  <xsl:template match="tei:l">
    <xsl:choose>
      <xsl:when test="ed:in-block-context(.)">
        <xsl:call-template name="ed:block">
          <xsl:with-param name="kind" select="'l'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="'l'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The notation of the metre, declared in the header: not shown. -->
  <xsl:template match="tei:metDecl"/>

  <!-- A caesura is a pause within the line: a wider space. -->
  <xsl:template match="tei:caesura">
    <xsl:text>   </xsl:text>
  </xsl:template>

  <!-- A rhyme or a metrical symbol marked for analysis: its words read as they stand. -->
  <xsl:template match="tei:rhyme | tei:metSym">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The number a line shows, if it is one to show ("5", "10", …; empty for the others). -->
  <xsl:function name="ed:line-number" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="string($l/@p:ln)"/>
  </xsl:function>

  <!-- The words a split line's later part follows (the earlier parts, "Of our solemnities." before "Go, Philostrate,"), prepared likewise: formats set it on by their width. -->
  <xsl:function name="ed:line-lead" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="string($l/@p:lead)"/>
  </xsl:function>

  <!-- How the source sets a line or stanza off, as classes: its @rend and @rendition ("indent", "#indent2"). -->
  <xsl:function name="ed:layout-classes" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="distinct-values((tokenize(lower-case(normalize-space($e/@rend)), '\s+'), tokenize(normalize-space($e/@rendition), '\s+') ! replace(., '^#', '') ! lower-case(.))
                                          [matches(., '^[a-z][a-z0-9-]*$')] ! ('rend-' || .))"/>
  </xsl:function>

</xsl:stylesheet>
