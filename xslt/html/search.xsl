<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search page (mode search). The form works without JavaScript (it submits ?q= to this
  page); the results need assets/search.js, which reads the index the build wrote.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="search" on-no-match="shallow-skip"/>

  <xsl:template match="/" mode="search">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="lang" select="(tei:TEI/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="scripts" select="('assets/minisearch.js', 'assets/search-options.js', 'search/index.js', 'assets/search.js')"/>
      <xsl:with-param name="main" as="node()*">
        <h1>Search</h1>
        <form class="search-form" role="search" aria-label="Search the texts" action="search.html" method="get">
          <label for="search-q">Words to find in every document, summary and note</label>
          <input type="search" id="search-q" name="q"/>
          <button type="submit">Search</button>
        </form>
        <p class="search-help">All words must occur in the passage; a word also finds longer words it begins (“MiG-21” finds “MiG-21s”); accents and case do not matter.</p>
        <p id="search-status" class="search-status" role="status"></p>
        <ol id="search-results" class="search-results"></ol>
        <noscript>
          <p class="search-status">Searching needs JavaScript. Without it, browse the <a href="index.html#documents">documents</a>, the <a href="chronology.html">chronology</a> and the registers.</p>
        </noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
