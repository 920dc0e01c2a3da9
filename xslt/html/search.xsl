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
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="search" on-no-match="shallow-skip"/>

  <xsl:template match="/" mode="search">
    <!-- The edition's own first and last days (documents-json: its first and last dated documents), for the date filter's examples. -->
    <xsl:variable name="days" select="$ed:documents?*?date?when[matches(., '^\d{4}-\d{2}-\d{2}')] ! substring(., 1, 10)"/>
    <xsl:variable name="first-day" select="($days[1], '1900-01-01')[1]"/>
    <xsl:variable name="last-day" select="($days[last()], $first-day)[1]"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:text('search.button')"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="scripts" select="('assets/search-format.js', 'assets/search-lists.js', 'assets/search-options.js', 'assets/search-query.js', 'search/index.js', 'search/facets.js', 'assets/search-filters.js', 'assets/search.js')"/>
      <xsl:with-param name="wide" select="true()"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="ed:text('search.button')"/></h1>
        <!-- The search script's words (assets/search.js), from the catalogue: every search.js.* message, and what it shares with the page. -->
        <xsl:variable name="script-messages" select="map:merge(map:keys($language?messages)[starts-with(., 'search.js.') or . = 'date.undated'] ! map { .: $language?messages(.) })"/>
        <form class="search-form" id="search-form" role="search" aria-label="{ed:text('search.texts')}" action="search.html" method="get"
              data-messages="{serialize($script-messages, map { 'method': 'json' })}">
          <div class="search-words">
            <label for="search-q"><xsl:value-of select="ed:text('search.words')"/></label>
            <input type="search" id="search-q" name="q"/>
            <button type="submit"><xsl:value-of select="ed:text('search.button')"/></button>
            <label for="search-sort"><xsl:value-of select="ed:text('search.sort')"/></label>
            <select id="search-sort" name="sort">
              <option value=""><xsl:value-of select="ed:text('search.sort-relevance')"/></option>
              <option value="date"><xsl:value-of select="ed:text('search.sort-date')"/></option>
            </select>
          </div>
          <p class="search-help">
            <xsl:value-of select="ed:text('search.help')"/>
            <xsl:variable name="example" select="$entries($entry-id) ! ed:search-word(.)"/>
            <xsl:if test="$example">
              <xsl:text> </xsl:text>
              <xsl:variable name="link" as="element()"><a href="search.html?q={encode-for-uri($example)}"><xsl:value-of select="$example"/></a></xsl:variable>
              <xsl:sequence select="ed:fill('search.example', map { 'example': $link })"/>
            </xsl:if>
          </p>
        </form>
        <div class="search-layout">
          <!-- The filters belong to the form (form="search-form") but stand beside the results; they need assets/search.js, which shows them. -->
          <details class="search-filters" id="search-filters" hidden="hidden">
            <summary><xsl:value-of select="ed:text('search.filters')"/></summary>
            <fieldset class="facet facet-date" form="search-form">
              <legend><xsl:value-of select="ed:text('field.date')"/></legend>
              <div class="facet-range">
                <label for="search-from"><xsl:value-of select="ed:text('search.from')"/></label>
                <input type="text" id="search-from" name="from" form="search-form" inputmode="numeric" autocomplete="off" size="10" placeholder="{$first-day ! substring(., 1, 4)}" pattern="-?[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?" aria-describedby="search-date-help"/>
                <label for="search-to"><xsl:value-of select="ed:text('search.to')"/></label>
                <input type="text" id="search-to" name="to" form="search-form" inputmode="numeric" autocomplete="off" size="10" placeholder="{$last-day ! substring(., 1, 7)}" pattern="-?[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?" aria-describedby="search-date-help"/>
              </div>
              <p class="facet-help" id="search-date-help"><xsl:value-of select="ed:text('search.date-help', map { 'month': substring($first-day, 1, 7), 'day': $first-day })"/></p>
            </fieldset>
            <!-- assets/search.js adds the kinds of document, how exactly they are dated and the names they mention, with counts. -->
            <div id="search-facets"></div>
            <p class="facet-actions"><button type="submit" form="search-form"><xsl:value-of select="ed:text('search.apply')"/></button> <a href="search.html"><xsl:value-of select="ed:text('search.clear')"/></a></p>
          </details>
          <div class="search-found">
            <p id="search-status" class="search-status" role="status"></p>
            <ol id="search-results" class="search-results"></ol>
            <noscript>
              <xsl:variable name="documents" as="element()"><a href="index.html#documents"><xsl:value-of select="ed:text('search.noscript-documents')"/></a></xsl:variable>
              <xsl:variable name="chronology" as="element()"><a href="chronology.html"><xsl:value-of select="ed:text('search.noscript-chronology')"/></a></xsl:variable>
              <p class="search-status"><xsl:sequence select="ed:fill('search.noscript', map { 'documents': $documents, 'chronology': $chronology })"/></p>
            </noscript>
          </div>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    The word a reader would search an entry by: a person's surname (the one written in parts, else
    the name before its comma, else its last word), another entry's name as running text says it.
  -->
  <xsl:function name="ed:search-word" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="ed:names($entry)[1]"/>
    <xsl:variable name="reading" select="ed:reading-name($entry)"/>
    <xsl:sequence select="if (not($entry/self::tei:person)) then $reading
                          else if ($name/tei:surname) then ed:words($name/tei:surname[1])
                          else if (contains(ed:standard-name($entry), ',')) then normalize-space(substring-before(ed:standard-name($entry), ','))
                          else tokenize($reading)[last()]"/>
  </xsl:function>

</xsl:stylesheet>
