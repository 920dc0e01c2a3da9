<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition's home page (mode index), from the edition file: title, introduction, documents.
  An edition of many documents lists them on several pages (part of parts): the home page
  lists the first, list/2.html (mode document-list) and on the others.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="index" on-no-match="shallow-skip"/>
  <xsl:mode name="document-list" on-no-match="shallow-skip"/>

  <xsl:template match="/" mode="index">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="''"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <header class="edition-header">
          <h1><xsl:value-of select="$ed:edition?title"/></h1>
          <xsl:if test="$ed:edition?subtitle">
            <p class="subtitle"><xsl:value-of select="$ed:edition?subtitle"/></p>
          </xsl:if>
          <xsl:if test="exists($ed:edition?editors?*)">
            <p class="responsibility"><xsl:value-of select="ed:text('edition.edited-by', map { 'editors': ed:editors() })"/></p>
          </xsl:if>
        </header>
        <xsl:if test="$tei/tei:text">
          <xsl:call-template name="ed:highlight-switches"/>
        </xsl:if>
        <xsl:for-each select="$tei/tei:text/tei:body/tei:div">
          <!-- A division's heading is a passage of the text: its anchor is the id search results point to. -->
          <xsl:variable name="heading-id" select="if (tei:head) then ed:anchor(tei:head[1]) else 'introduction-heading-' || position()"/>
          <section class="introduction" aria-labelledby="{$heading-id}">
            <h2 id="{$heading-id}">
              <xsl:apply-templates select="tei:head[1]/node()"/>
              <xsl:if test="empty(tei:head)"><xsl:value-of select="ed:text('edition.introduction')"/></xsl:if>
            </h2>
            <xsl:apply-templates select="node() except tei:head[1]"/>
          </section>
        </xsl:for-each>
        <section class="documents" id="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading"><xsl:value-of select="ed:text('nav.documents')"/></h2>
          <xsl:call-template name="ed:document-list">
            <xsl:with-param name="heading" select="'h3'"/>
          </xsl:call-template>
        </section>
        <xsl:call-template name="ed:downloads"/>
        <xsl:variable name="about" as="element()"><a href="about.html"><xsl:value-of select="ed:text('about.title')"/></a></xsl:variable>
        <p class="about-link"><xsl:sequence select="ed:fill('edition.about-link', map { 'about': $about })"/></p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A further page of the list of documents (list/<n>.html). -->
  <xsl:template match="/" mode="document-list">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:text('documents.page', map { 'n': string($part) })"/>
      <xsl:with-param name="section" select="'documents'"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <section class="documents" id="documents" aria-labelledby="documents-heading">
          <h1 id="documents-heading"><xsl:value-of select="ed:text('nav.documents')"/></h1>
          <xsl:call-template name="ed:document-list">
            <xsl:with-param name="heading" select="'h2'"/>
          </xsl:call-template>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The documents of $documents-json in date order, each with date, title, summary and link; links to the other pages of the list. -->
  <xsl:template name="ed:document-list">
    <!-- The element of each document's title, under the list's heading. -->
    <xsl:param name="heading" as="xs:string"/>
    <xsl:call-template name="ed:pager">
      <xsl:with-param name="first" select="$path-to-root || 'index.html#documents'"/>
      <xsl:with-param name="rest" select="$path-to-root || 'list/'"/>
      <xsl:with-param name="label" select="ed:text('documents.pages')"/>
    </xsl:call-template>
    <ol class="document-list">
      <xsl:if test="$first-number ne 1"><xsl:attribute name="start" select="$first-number"/></xsl:if>
      <xsl:for-each select="$ed:documents?*">
        <li>
          <p class="document-date">
            <xsl:choose>
              <xsl:when test="?date?when castable as xs:date">
                <time datetime="{?date?when}"><xsl:value-of select="?date?label"/></time>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="(?date?label, ed:text('date.undated'))[1]"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:element name="{$heading}" namespace="http://www.w3.org/1999/xhtml">
            <a href="{$path-to-root}documents/{encode-for-uri(?id)}.html"><xsl:value-of select="?title"/></a>
          </xsl:element>
          <xsl:if test="?summary">
            <p class="summary"><xsl:value-of select="?summary"/></p>
          </xsl:if>
          <xsl:if test="?summaryOnly">
            <p class="status"><xsl:value-of select="ed:text('documents.summary-only')"/></p>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

</xsl:stylesheet>
