<?xml version="1.0" encoding="UTF-8"?>
<!--
  The registers. Mode register: the page of one kind of authority list, every entry with its
  names, dates, notes and identifiers and how often the edition mentions it. Mode
  register-entry: one entry's page, with a link to every mention in its words; an entry named
  in very many documents has its mentions on several pages (part of parts).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="register" on-no-match="shallow-skip"/>
  <xsl:mode name="register-entry" on-no-match="shallow-skip"/>

  <!-- The register page: every entry of one list, in alphabetical order, with how often it is mentioned. -->
  <xsl:template match="/" mode="register">
    <xsl:variable name="register" select="$ed:registers($register-list)"/>
    <xsl:variable name="entries" select="$authorities//tei:*[local-name() = $register?entry][@xml:id]"/>
    <xsl:variable name="counts" as="map(*)" select="parse-json($counts-json)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$register?title"/>
      <xsl:with-param name="section" select="$register?page"/>
      <xsl:with-param name="section-page" select="true()"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="$register?title"/></h1>
        <p class="register-summary">
          <xsl:value-of select="ed:count('register.summary', count($entries))"/>
        </p>
        <xsl:call-template name="ed:map">
          <xsl:with-param name="caption" select="ed:text('map.register')"/>
        </xsl:call-template>
        <xsl:for-each select="$entries">
          <xsl:sort select="ed:sort-key(.)" collation="http://www.w3.org/2013/collation/UCA?lang={($language?tag, 'en')[1]};strength=secondary"/>
          <xsl:variable name="count" select="($counts(string(@xml:id)), map { 'mentions': 0, 'documents': 0, 'introduction': 0 })[1]"/>
          <section class="entry" id="{@xml:id}" data-tei="{local-name()}" aria-labelledby="{@xml:id}-name">
            <xsl:call-template name="ed:entry-description">
              <xsl:with-param name="heading" select="'h2'"/>
              <xsl:with-param name="href" select="ed:entry-href(.)"/>
            </xsl:call-template>
            <p class="mention-count">
              <xsl:value-of select="ed:mention-count(xs:integer($count?mentions), xs:integer($count?documents), $count?introduction = 1)"/>
            </p>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- An entry's own page: what the lists say of it, then every mention in its words, linked to its place. -->
  <xsl:template match="/" mode="register-entry">
    <xsl:variable name="entry" select="$entries($entry-id)"/>
    <xsl:variable name="register" select="ed:register($entry)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:standard-name($entry) || ' (' || $register?title || ')'"/>
      <xsl:with-param name="section" select="$register?page"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <nav class="breadcrumb" aria-label="{ed:text('register.breadcrumb')}">
          <a href="{$path-to-root}registers/{$register?page}.html#{encode-for-uri($entry-id)}"><xsl:value-of select="$register?title"/></a>
        </nav>
        <article class="entry" id="{$entry-id}" data-tei="{local-name($entry)}" aria-labelledby="{$entry-id}-name">
          <xsl:for-each select="$entry">
            <xsl:call-template name="ed:entry-description">
              <xsl:with-param name="heading" select="'h1'"/>
            </xsl:call-template>
          </xsl:for-each>
          <p class="mention-count">
            <xsl:choose>
              <xsl:when test="$part = 1">
                <xsl:value-of select="ed:mention-count($entry-mentions, $entry-documents, $entry-introduction = 1)"/>
                <xsl:if test="$listed-mentions gt 0"><xsl:value-of select="ed:text('punctuation.colon')"/></xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="ed:text('register.continued')"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:call-template name="ed:entry-letters">
            <xsl:with-param name="name" select="ed:reading-name($entry)"/>
          </xsl:call-template>
          <xsl:call-template name="ed:pager">
            <xsl:with-param name="first" select="ed:entry-href($entry)"/>
            <xsl:with-param name="rest" select="replace(ed:entry-href($entry), '\.html$', '/')"/>
            <xsl:with-param name="label" select="ed:text('register.pages')"/>
          </xsl:call-template>
          <!-- The mentions, each in its words, linked to its place, are written here by src/site/html-lists.ts. -->
          <xsl:if test="$listed-mentions gt 0"><xsl:comment>editio:list</xsl:comment></xsl:if>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The letters the entry wrote and received (letters-json), each linked, with its date. -->
  <xsl:template name="ed:entry-letters">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="letters" select="parse-json($letters-json)"/>
    <xsl:if test="exists($letters?sent?*) or exists($letters?received?*)">
      <section class="entry-letters" aria-labelledby="letters-heading">
        <h2 id="letters-heading"><xsl:value-of select="ed:text('register.correspondence')"/></h2>
        <xsl:for-each select="('sent', 'received')[exists($letters(.)?*)]">
          <xsl:variable name="listed" select="$letters(.)?*"/>
          <h3><xsl:value-of select="ed:text('register.letters-' || ., map { 'name': $name, 'n': ed:number(count($listed)) })"/></h3>
          <ul class="letters">
            <xsl:for-each select="$listed">
              <li>
                <a href="{$path-to-root}{?url}"><xsl:value-of select="?title"/></a>
                <xsl:if test="?date != ''"><span class="letter-date"><xsl:value-of select="' — ' || ?date"/></span></xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The entry's standard name as a heading (linked to $href if given), its life dates, other names, notes and identifiers. -->
  <xsl:template name="ed:entry-description">
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="href" as="xs:string?" select="()"/>
    <xsl:variable name="names" select="ed:names(.)"/>
    <xsl:element name="{$heading}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="id" select="@xml:id || '-name'"/>
      <xsl:if test="$names[1]/@xml:lang">
        <xsl:attribute name="lang" select="ed:lang($names[1])"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="ed:standard-name(.)"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="ed:standard-name(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:if test="tei:birth | tei:death">
      <p class="life-dates">
        <xsl:value-of select="string-join((tei:birth ! ed:text('register.born', map { 'event': ed:life-event(.) }), tei:death ! ed:text('register.died', map { 'event': ed:life-event(.) })), '; ')"/>
      </p>
    </xsl:if>
    <!-- A work: by whom and when (its authors, else editors, and its first date), as a bibliography names it. -->
    <xsl:if test="self::tei:bibl or self::tei:biblStruct">
      <xsl:variable name="by" select="string-join(ed:each-once((.//tei:author, .//tei:editor[empty(current()//tei:author)]) ! ed:name-text(.)), '; ')"/>
      <xsl:variable name="when" select="(.//tei:date)[1] ! ed:date-label(.)"/>
      <xsl:if test="$by != '' or exists($when)">
        <p class="life-dates work-details"><xsl:value-of select="string-join(($by[. != ''], $when), ' · ')"/></p>
      </xsl:if>
    </xsl:if>
    <!-- Other names, each once: not the standard name again under another type, nor an address some editions keep among the names. -->
    <xsl:variable name="standard" select="ed:standard-name(.)"/>
    <xsl:variable name="variants" select="ed:each-once(subsequence($names, 2) ! ed:name-text(.))[. != $standard][not(matches(., '^(https?://|www\.)'))]"/>
    <xsl:if test="exists($variants)">
      <p class="variants"><xsl:value-of select="ed:text('register.variants', map { 'names': string-join($variants, '; ') })"/></p>
    </xsl:if>
    <xsl:for-each select="tei:note">
      <p class="entry-note"><xsl:apply-templates/></p>
    </xsl:for-each>
    <!--
      Identifiers as links named by what they identify in ("wikidata", "gnd"; "pmb 2" for the
      second of one authority), each address once, in a line that wraps: never a column of long
      addresses wider than a phone's screen. One that is no address reads as its name and value.
    -->
    <xsl:variable name="identifiers" select="tei:idno[normalize-space()][not(normalize-space() = preceding-sibling::tei:idno/normalize-space())]"/>
    <xsl:if test="exists($identifiers)">
      <ul class="identifiers">
        <xsl:for-each select="$identifiers">
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="href" select="ed:safe-href(.)[matches(., '^https?://')]"/>
          <xsl:variable name="name" select="ed:identifier-name(.)"/>
          <xsl:variable name="nth" select="count($identifiers[position() lt $i][ed:identifier-name(.) = $name]) + 1"/>
          <xsl:variable name="label" select="$name || (if ($nth gt 1) then ' ' || $nth else '')"/>
          <li>
            <xsl:choose>
              <xsl:when test="$href"><a href="{$href}" title="{$href}"><xsl:value-of select="$label"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="$label || ': ' || normalize-space(.)"/></xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- What an identifier identifies in: its subtype or type, else (a type that says only "URL" or "URI") the address's site ("wikidata.org"). -->
  <xsl:function name="ed:identifier-name" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="named" select="($idno/@subtype, $idno/@type)[not(lower-case(.) = ('url', 'uri', 'link'))][1]"/>
    <xsl:sequence select="if ($named) then string($named)
                          else if (matches($idno, '^\s*https?://')) then replace(normalize-space($idno), '^https?://(www\.)?([^/:]+).*$', '$2')
                          else ed:text('register.identifier')"/>
  </xsl:function>

  <!-- A birth or death: its date (its own, or a date inside it) and where (a place named inside it), not its coordinates. -->
  <xsl:function name="ed:life-event" as="xs:string">
    <xsl:param name="event" as="element()"/>
    <xsl:variable name="place" select="($event//tei:placeName)[1]"/>
    <xsl:variable name="date" select="if ($event/(@when | @from | @notBefore | @notAfter)) then ed:date-label($event)
                                      else if ($event/tei:date) then ed:date-label($event/tei:date[1])
                                      else if ($place) then '' else normalize-space($event)"/>
    <xsl:sequence select="string-join(($date[. != ''], $place ! ed:text('register.in-place', map { 'place': ed:name-text(.) })), ' ')"/>
  </xsl:function>

  <!-- "Mentioned 3 times in 2 documents and the introduction". -->
  <xsl:function name="ed:mention-count" as="xs:string">
    <xsl:param name="mentions" as="xs:integer"/>
    <xsl:param name="documents" as="xs:integer"/>
    <xsl:param name="introduction" as="xs:boolean"/>
    <xsl:sequence select="if ($mentions = 0) then ed:text('register.unmentioned')
                          else ed:text('register.mentioned', map {
                            'times': ed:count('register.times', $mentions),
                            'where': string-join(((if ($documents gt 0) then ed:count('register.documents', $documents) else ()),
                                                  (if ($introduction) then ed:text('register.introduction') else ())), ed:text('register.and'))
                          })"/>
  </xsl:function>

</xsl:stylesheet>
