<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every HTML page: head, site header with navigation and search, footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!--
    Only the edition's own files may load, from a server ('self') or from disk (file:, which
    Chromium does not count as 'self'): no inline script, no external font, no remote request but
    to the image servers a document's facsimile names.
  -->
  <xsl:variable name="ed:content-security-policy"
      select="&quot;default-src 'none'; style-src 'self' file:; img-src 'self' file: data:&quot; || ed:facsimile-hosts()
              || &quot;; font-src 'self' file:; script-src 'self' file:; form-action 'self' file:; base-uri 'none'&quot;
              || (if ($facsimile-hosts != '') then '; connect-src' || ed:facsimile-hosts() else '')"/>

  <!-- The image servers a document's facsimile names (and only those): its images, and the descriptions (info.json) a viewer fetches. -->
  <xsl:function name="ed:facsimile-hosts" as="xs:string">
    <xsl:sequence select="string-join(tokenize($facsimile-hosts)[matches(., '^https?://[A-Za-z0-9.:\[\]-]+$')] ! (' ' || .), '')"/>
  </xsl:function>

  <!-- The lists there are (listPerson, …): read once per page from where the published entries keep them. -->
  <xsl:variable name="ed:lists" as="xs:string*" select="$authorities/tei:TEI/tei:standOff/*/local-name()"/>

  <!-- The kinds of entity a reader can highlight, in the order of the legend. -->
  <xsl:variable name="ed:highlights" as="map(xs:string, xs:string)*" select="(
      map { 'class': 'mention-persName', 'label': ed:text('register.listPerson'), 'list': 'listPerson' },
      map { 'class': 'mention-placeName', 'label': ed:text('register.listPlace'), 'list': 'listPlace' },
      map { 'class': 'mention-orgName', 'label': ed:text('register.listOrg'), 'list': 'listOrg' },
      map { 'class': 'mention-objectName', 'label': ed:text('register.listObject'), 'list': 'listObject' },
      map { 'class': 'mention-eventName', 'label': ed:text('register.listEvent'), 'list': 'listEvent' },
      map { 'class': 'mention-title', 'label': ed:text('register.listBibl'), 'list': 'listBibl' },
      map { 'class': 'date', 'label': ed:text('highlight.dates'), 'list': '' })"/>

  <!-- Links to every page of a list split over $parts pages: the first at $first, page n at $rest || n || '.html'. -->
  <xsl:template name="ed:pager">
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:if test="$parts gt 1">
      <nav class="pager" aria-label="{$label}">
        <ol>
          <xsl:for-each select="1 to $parts">
            <li>
              <xsl:choose>
                <xsl:when test=". = $part"><span aria-current="page"><xsl:value-of select="."/></span></xsl:when>
                <xsl:otherwise><a href="{if (. = 1) then $first else $rest || . || '.html'}"><xsl:value-of select="."/></a></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string"/>
    <!-- The interface's language: the edition's (a document's text says its own). -->
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:param name="main" as="node()*"/>
    <!-- Scripts of the page, relative to the edition's root: the search page's, and a document's for the access date of its citation. -->
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <!-- The part of the edition the page belongs to (documents, chronology, a register's page name), and whether it is that part's own page: the navigation marks it. -->
    <xsl:param name="section" as="xs:string" select="''"/>
    <xsl:param name="section-page" as="xs:boolean" select="false()"/>
    <!-- A page with a column beside its text (the search page's filters) is wider on a wide screen. -->
    <xsl:param name="wide" as="xs:boolean" select="false()"/>
    <xsl:variable name="lists" select="$ed:lists"/>
    <html lang="{($lang[. != ''], $language?tag, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="{$ed:content-security-policy}"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="string-join(($title[. != ''], $ed:edition?title), ' — ')"/></title>
        <link rel="icon" href="{$path-to-root}assets/favicon.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="{$path-to-root}assets/fonts.css"/>
        <link rel="stylesheet" href="{$path-to-root}assets/edition.css"/>
        <link rel="stylesheet" href="{$path-to-root}assets/genres.css"/>
        <xsl:for-each select="$scripts">
          <script src="{$path-to-root}{.}" defer="defer"></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main"><xsl:value-of select="ed:text('page.skip')"/></a>
        <header class="site-header">
          <p class="site-title"><a href="{$path-to-root}index.html"><xsl:value-of select="$ed:edition?title"/></a></p>
          <nav class="site-nav" aria-label="{ed:text('nav.label')}">
            <ul>
              <xsl:variable name="parts" select="(map { 'key': 'documents', 'href': 'index.html#documents', 'label': ed:text('nav.documents') },
                                                  map { 'key': 'chronology', 'href': 'chronology.html', 'label': ed:text('nav.chronology') },
                                                  distinct-values($lists)[map:contains($ed:registers, .)] ! $ed:registers(.)
                                                    ! map { 'key': ?page, 'href': 'registers/' || ?page || '.html', 'label': ?title },
                                                  map { 'key': 'about', 'href': 'about.html', 'label': ed:text('nav.about') })"/>
              <xsl:for-each select="$parts">
                <li>
                  <a href="{$path-to-root}{?href}">
                    <xsl:if test="?key = $section"><xsl:attribute name="aria-current" select="if ($section-page) then 'page' else 'true'"/></xsl:if>
                    <xsl:value-of select="?label"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
          <form class="site-search" role="search" aria-label="{ed:text('search.edition')}" action="{$path-to-root}search.html" method="get">
            <label for="site-search-q" class="visually-hidden"><xsl:value-of select="ed:text('search.edition')"/></label>
            <input type="search" id="site-search-q" name="q" placeholder="{ed:text('search.edition')}"/>
            <button type="submit"><xsl:value-of select="ed:text('search.button')"/></button>
          </form>
        </header>
        <main id="main">
          <xsl:if test="$wide">
            <xsl:attribute name="class" select="'wide'"/>
          </xsl:if>
          <!-- As valid HTML, whatever the TEI nests where (html/content-models.xsl). -->
          <xsl:variable name="checked" as="document-node()"><xsl:document><xsl:sequence select="$main"/></xsl:document></xsl:variable>
          <xsl:apply-templates select="$checked/node()" mode="valid"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$ed:edition?title"/>
            <xsl:text>. </xsl:text>
            <xsl:if test="exists($ed:edition?editors?*)">
              <xsl:value-of select="ed:text('edition.edited-by', map { 'editors': ed:editors() }) || ' '"/>
            </xsl:if>
            <xsl:variable name="licence-url" select="ed:safe-href($ed:edition?licence?url)"/>
            <xsl:choose>
              <xsl:when test="$licence-url"><a rel="license" href="{$licence-url}"><xsl:value-of select="$ed:edition?licence?name"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$ed:edition?licence?name"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>.</xsl:text>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!--
    Checkboxes that switch highlighting on per kind of entity. CSS does the rest (body:has()),
    so they work without JavaScript and with the keyboard; each label is its legend entry.
  -->
  <!-- Switches for the kinds of thing a page shows, no others (found when its source was prepared: src/transform/prepare.ts). -->
  <xsl:template name="ed:highlight-switches">
    <xsl:variable name="classes" select="tokenize(/*/@p:shows)"/>
    <xsl:if test="/*/@p:views">
      <!-- Radio buttons: the diplomatic view (the source's own state) or the reading view; CSS shows one. (Whether the text has both: src/transform/prepare.ts.) -->
      <fieldset class="view-switches">
        <legend><xsl:value-of select="ed:text('view.legend')"/></legend>
        <label><input type="radio" name="view" id="view-diplomatic" checked="checked"/><xsl:value-of select="' ' || ed:text('view.diplomatic')"/></label>
        <label><input type="radio" name="view" id="view-reading"/><xsl:value-of select="' ' || ed:text('view.reading')"/></label>
      </fieldset>
    </xsl:if>
    <!-- A text that names nothing to highlight has no switches, and no empty box for them. -->
    <xsl:if test="exists($ed:highlights[?class = $classes])">
      <fieldset class="highlight-switches">
        <legend><xsl:value-of select="ed:text('highlight.legend')"/></legend>
        <xsl:for-each select="$ed:highlights[?class = $classes]">
          <label>
            <input type="checkbox" id="highlight-{?class}" class="highlight-switch"/>
            <span class="swatch swatch-{?class}" aria-hidden="true"></span>
            <xsl:value-of select="?label"/>
          </label>
        </xsl:for-each>
      </fieldset>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
