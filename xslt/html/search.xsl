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
      <xsl:with-param name="scripts" select="('assets/minisearch.js', 'assets/search-options.js', 'search/index.js', 'search/facets.js', 'assets/search-filters.js', 'assets/search.js')"/>
      <xsl:with-param name="wide" select="true()"/>
      <xsl:with-param name="main" as="node()*">
        <h1>Search</h1>
        <form class="search-form" id="search-form" role="search" aria-label="Search the texts" action="search.html" method="get">
          <div class="search-words">
            <label for="search-q">Words to find in every document, summary and note</label>
            <input type="search" id="search-q" name="q"/>
            <button type="submit">Search</button>
          </div>
          <p class="search-help">All words must occur in the passage; a word also finds longer words it begins (“MiG-21” finds “MiG-21s”); accents and case do not matter. With no words, the filters list the pages they leave.</p>
        </form>
        <div class="search-layout">
          <!-- The filters belong to the form (form="search-form") but stand beside the results; they need assets/search.js, which shows them. -->
          <details class="search-filters" id="search-filters" hidden="hidden">
            <summary>Filter by date, kind of document and names</summary>
            <fieldset class="facet facet-date" form="search-form">
              <legend>Date</legend>
              <div class="facet-range">
                <label for="search-from">From</label>
                <input type="text" id="search-from" name="from" form="search-form" inputmode="numeric" autocomplete="off" size="10" placeholder="1966" pattern="-?[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?" aria-describedby="search-date-help"/>
                <label for="search-to">to</label>
                <input type="text" id="search-to" name="to" form="search-form" inputmode="numeric" autocomplete="off" size="10" placeholder="1967-07" pattern="-?[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?" aria-describedby="search-date-help"/>
              </div>
              <p class="facet-help" id="search-date-help">A year, a month (1966-10) or a day (1966-10-15). A document the editors date only roughly (“between 1 and 15 October 1966”) is found when it may fall in the range.</p>
            </fieldset>
            <!-- assets/search.js adds the kinds of document, how exactly they are dated and the names they mention, with counts. -->
            <div id="search-facets"></div>
            <p class="facet-actions"><button type="submit" form="search-form">Apply</button> <a href="search.html">Clear all</a></p>
          </details>
          <div class="search-found">
            <p id="search-status" class="search-status" role="status"></p>
            <ol id="search-results" class="search-results"></ol>
            <noscript>
              <p class="search-status">Searching needs JavaScript. Without it, browse the <a href="index.html#documents">documents</a>, the <a href="chronology.html">chronology</a> and the registers.</p>
            </noscript>
          </div>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
