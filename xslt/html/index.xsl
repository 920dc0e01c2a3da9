<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's home page (mode index), from the edition file: title, introduction, documents. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="index" on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:template match="/" mode="index">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="''"/>
      <xsl:with-param name="lang" select="($tei/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <header class="edition-header">
          <h1><xsl:value-of select="$ed:edition?title"/></h1>
          <xsl:if test="$ed:edition?subtitle">
            <p class="subtitle"><xsl:value-of select="$ed:edition?subtitle"/></p>
          </xsl:if>
          <xsl:if test="exists($ed:edition?editors?*)">
            <p class="responsibility">Edited by <xsl:value-of select="string-join($ed:edition?editors?*, ', ')"/></p>
          </xsl:if>
        </header>
        <xsl:if test="$tei/tei:text">
          <xsl:call-template name="ed:highlight-switches"/>
        </xsl:if>
        <xsl:for-each select="$tei/tei:text/tei:body/tei:div">
          <section class="introduction" aria-labelledby="introduction-heading-{position()}">
            <h2 id="introduction-heading-{position()}">
              <xsl:apply-templates select="tei:head[1]/node()"/>
              <xsl:if test="empty(tei:head)">Introduction</xsl:if>
            </h2>
            <xsl:apply-templates select="node() except tei:head[1]"/>
          </section>
        </xsl:for-each>
        <section class="documents" id="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading">Documents</h2>
          <ol class="document-list">
            <xsl:for-each select="$ed:documents?*">
              <li>
                <p class="document-date">
                  <xsl:choose>
                    <xsl:when test="?date?when castable as xs:date">
                      <time datetime="{?date?when}"><xsl:value-of select="?date?label"/></time>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="(?date?label, 'Undated')[1]"/></xsl:otherwise>
                  </xsl:choose>
                </p>
                <h3><a href="documents/{encode-for-uri(?id)}.html"><xsl:value-of select="?title"/></a></h3>
                <xsl:if test="?summary">
                  <p class="summary"><xsl:value-of select="?summary"/></p>
                </xsl:if>
                <xsl:if test="?summaryOnly">
                  <p class="status">Known only by its summary; the text is not transcribed.</p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
