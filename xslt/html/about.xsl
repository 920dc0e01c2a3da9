<?xml version="1.0" encoding="UTF-8"?>
<!--
  About this edition (mode about, about.html): how the edition was made, from the introduction's
  TEI header — its project, its editorial principles, its sources — how to cite it, its licence,
  and what a reader can download. Linked from every page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="about" on-no-match="shallow-skip"/>

  <xsl:template match="/" mode="about">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:text('about.title')"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="section" select="'about'"/>
      <xsl:with-param name="section-page" select="true()"/>
      <xsl:with-param name="scripts" select="'assets/cite.js'"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="ed:text('about.title')"/></h1>
        <xsl:call-template name="ed:about-part">
          <xsl:with-param name="heading" select="ed:text('about.project')"/>
          <xsl:with-param name="from" select="$header/tei:encodingDesc/(tei:projectDesc | tei:samplingDecl)"/>
        </xsl:call-template>
        <xsl:call-template name="ed:about-part">
          <xsl:with-param name="heading" select="ed:text('about.editorial')"/>
          <xsl:with-param name="from" select="$header/tei:encodingDesc/tei:editorialDecl"/>
        </xsl:call-template>
        <xsl:call-template name="ed:about-part">
          <xsl:with-param name="heading" select="ed:text('about.sources')"/>
          <xsl:with-param name="from" select="$header/tei:fileDesc/tei:sourceDesc"/>
        </xsl:call-template>
        <section aria-labelledby="about-cite">
          <h2 id="about-cite"><xsl:value-of select="ed:text('about.cite')"/></h2>
          <xsl:call-template name="ed:edition-citation">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <p><xsl:value-of select="ed:text('about.cite-documents')"/></p>
        </section>
        <section aria-labelledby="about-licence">
          <h2 id="about-licence"><xsl:value-of select="ed:text('about.licence')"/></h2>
          <xsl:variable name="licence" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability"/>
          <xsl:choose>
            <xsl:when test="normalize-space($licence)"><p><xsl:apply-templates select="$licence//tei:licence/node(), $licence/tei:p/node()"/></p></xsl:when>
            <xsl:otherwise><p><xsl:value-of select="$ed:edition?licence?name"/></p></xsl:otherwise>
          </xsl:choose>
        </section>
        <xsl:call-template name="ed:downloads"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- How to cite the edition: its title, editors, year and address (the day of access written by assets/cite.js). -->
  <xsl:template name="ed:edition-citation">
    <xsl:param name="tei" as="element()"/>
    <p class="citation">
      <cite><xsl:value-of select="$ed:edition?title"/></cite>
      <xsl:if test="exists($ed:edition?editors?*)">
        <xsl:value-of select="ed:text('cite.edited-by', map { 'editors': ed:editors() })"/>
      </xsl:if>
      <xsl:for-each select="ed:edition-year($tei)">
        <xsl:value-of select="' (' || . || ')'"/>
      </xsl:for-each>
      <xsl:text>.</xsl:text>
      <xsl:if test="$ed:edition?baseUrl">
        <xsl:text> </xsl:text>
        <a href="{$ed:edition?baseUrl}"><xsl:value-of select="$ed:edition?baseUrl"/></a>
        <xsl:variable name="accessed" as="element()"><time></time></xsl:variable>
        <span class="cite-accessed" hidden="hidden"><xsl:sequence select="ed:fill('cite.accessed', map { 'date': $accessed })"/></span>
        <xsl:text>.</xsl:text>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- A part of the header as a section: its paragraphs, whatever elements hold them. -->
  <xsl:template name="ed:about-part">
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="from" as="element()*"/>
    <xsl:variable name="paragraphs" select="$from//tei:p"/>
    <xsl:if test="exists($paragraphs)">
      <section aria-label="{$heading}">
        <h2><xsl:value-of select="$heading"/></h2>
        <xsl:apply-templates select="$paragraphs"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- What a reader can take away, each file with its format. -->
  <xsl:template name="ed:downloads">
    <xsl:variable name="downloads" select="parse-json($downloads-json)?*"/>
    <xsl:if test="exists($downloads)">
      <section class="downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading"><xsl:value-of select="ed:text('about.downloads')"/></h2>
        <ul>
          <xsl:for-each select="$downloads">
            <li><a href="{$path-to-root}{?href}"><xsl:value-of select="ed:text(?label)"/></a> <span class="download-format"><xsl:value-of select="ed:text(?format)"/></span></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
