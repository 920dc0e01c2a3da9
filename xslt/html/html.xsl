<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML edition. Default mode: a document's page. The other pages each have a module and a
  mode: index.xsl (the home page), registers.xsl, chronology.xsl, search.xsl and about.xsl;
  page.xsl is the frame they share. TEI provenance stays on every rendered element: data-tei, data-ref, and
  ids from xml:id or from common/anchors.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="content-models.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="chronology.xsl"/>
  <xsl:include href="search.xsl"/>
  <xsl:include href="about.xsl"/>
  <xsl:include href="map.xsl"/>
  <xsl:include href="tables.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- ===== A document's page ===== -->

  <xsl:template match="/">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:title($tei)"/>
      <xsl:with-param name="section" select="'documents'"/>
      <xsl:with-param name="scripts" select="'assets/cite.js', if ($facsimile-json != '') then ('assets/openseadragon.min.js', 'assets/facsimile.js') else ()"/>
      <xsl:with-param name="lang" select="$ed:edition?language"/>
      <xsl:with-param name="main" as="node()*">
        <article class="document" data-tei="TEI">
          <xsl:call-template name="ed:document-header">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <xsl:call-template name="ed:highlight-switches"/>
          <xsl:variable name="text">
            <section class="document-text" aria-label="{ed:text('document.text')}">
              <xsl:for-each select="ed:language($tei)"><xsl:attribute name="lang" select="."/></xsl:for-each>
              <xsl:choose>
                <xsl:when test="$tei/self::tei:teiCorpus">
                  <xsl:for-each select="$tei//tei:TEI[tei:text]">
                    <section class="corpus-member" aria-label="{ed:title(.)}">
                      <h2><xsl:value-of select="ed:title(.)"/></h2>
                      <xsl:apply-templates select="tei:text"/>
                    </section>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise><xsl:apply-templates select="$tei/tei:text"/></xsl:otherwise>
              </xsl:choose>
            </section>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="$facsimile-json != ''">
              <div class="with-facsimile">
                <xsl:call-template name="ed:facsimile"/>
                <xsl:sequence select="$text"/>
              </div>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="$text"/></xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="ed:notes">
            <xsl:with-param name="notes" select="$tei//tei:note[@p:n]"/>
          </xsl:call-template>
          <xsl:call-template name="ed:map">
            <xsl:with-param name="caption" select="ed:text('map.document')"/>
          </xsl:call-template>
          <xsl:call-template name="ed:cite">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <xsl:call-template name="ed:correspondence-nav"/>
          <xsl:call-template name="ed:document-nav"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:document-header">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="date" select="ed:field-date($tei)"/>
    <header class="document-header">
      <h1>
        <!-- The heading is a passage of the text: search results and citations point to it. -->
        <xsl:for-each select="ed:heading-element($tei)"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:for-each>
        <xsl:apply-templates select="ed:heading($tei)"/>
      </h1>
      <dl class="document-meta">
        <xsl:if test="$date">
          <div>
            <dt><xsl:value-of select="ed:text('field.date')"/></dt>
            <dd><xsl:apply-templates select="$date" mode="ed:field"/></dd>
          </div>
        </xsl:if>
        <xsl:if test="$profile/tei:creation/tei:placeName">
          <div>
            <dt><xsl:value-of select="ed:text('field.place')"/></dt>
            <dd><xsl:apply-templates select="$profile/tei:creation/tei:placeName"/></dd>
          </div>
        </xsl:if>
        <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction">
          <div>
            <dt><xsl:value-of select="ed:correspondence-label(@type)"/></dt>
            <dd>
              <!-- Several senders or addressees set apart by semicolons, then where and when. -->
              <xsl:variable name="parties" select="ed:parties(.)"/>
              <xsl:for-each select="$parties">
                <xsl:if test="position() gt 1">; </xsl:if>
                <xsl:apply-templates select="."/>
              </xsl:for-each>
              <xsl:for-each select="ed:where-when(., $date)">
                <xsl:if test="position() gt 1 or exists($parties)"> · </xsl:if>
                <xsl:apply-templates select="." mode="ed:field"/>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:for-each>
        <xsl:for-each select="'sent', 'received'">
          <xsl:variable name="parties" select="ed:marked-parties($tei, .)"/>
          <xsl:if test="exists($parties)">
            <div>
              <dt><xsl:value-of select="ed:correspondence-label(.)"/></dt>
              <dd>
                <xsl:for-each select="$parties">
                  <xsl:if test="position() gt 1">; </xsl:if>
                  <xsl:apply-templates select="." mode="ed:party"/>
                </xsl:for-each>
              </dd>
            </div>
          </xsl:if>
        </xsl:for-each>
        <div>
          <dt><xsl:value-of select="ed:text('field.source')"/></dt>
          <dd><xsl:apply-templates select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/node()"/></dd>
        </div>
        <xsl:if test="$profile/tei:abstract">
          <div>
            <dt><xsl:value-of select="ed:text('field.summary')"/></dt>
            <dd class="summary"><xsl:apply-templates select="$profile/tei:abstract/node()"/></dd>
          </div>
        </xsl:if>
      </dl>
    </header>
  </xsl:template>

  <!-- In the header's fields a date reads as the edition writes dates ("6 July 1967", as the citation does); the text keeps the source's words, which the date's title gives. -->
  <xsl:template match="tei:date | tei:event" mode="ed:field">
    <xsl:variable name="label" select="ed:date-label(.)"/>
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'date'"/>
      <xsl:with-param name="label" select="if (normalize-space(.) = ('', $label)) then $label else ed:text('date.in-source', map { 'words': normalize-space(.) })"/>
      <xsl:with-param name="content" as="node()*"><xsl:value-of select="$label"/></xsl:with-param>
      <!-- A date of the text (a dateline's) keeps its anchor where the text shows it. -->
      <xsl:with-param name="anchored" select="empty(ancestor::tei:text)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A party the text names, again in the header: its words, linked to its entry (the text's own mention keeps the anchor). -->
  <xsl:template match="*" mode="ed:party">
    <xsl:variable name="words" select="normalize-space(string-join(.//text()[not(ancestor::tei:note)], ''))"/>
    <xsl:choose>
      <xsl:when test="@p:href and not(@p:nested)"><a href="{$path-to-root || @p:href}" class="{@p:class}"><xsl:value-of select="$words"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="node()" mode="ed:field">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- A suggested citation with the page's stable URL, and the TEI source to download. -->
  <xsl:template name="ed:cite">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="ed:document-date($tei)"/>
    <xsl:variable name="page" select="encode-for-uri($document-id) || '.html'"/>
    <xsl:variable name="url" select="if ($ed:edition?baseUrl) then $ed:edition?baseUrl || 'documents/' || $page else $page"/>
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading"><xsl:value-of select="ed:text('cite.document')"/></h2>
      <p class="citation">
        <xsl:value-of select="ed:text('cite.title', map { 'title': ed:title($tei) }) || ' '"/>
        <xsl:if test="$date"><xsl:value-of select="ed:date-label($date)"/>. </xsl:if>
        <xsl:variable name="edition" as="element()"><cite><xsl:value-of select="$ed:edition?title"/></cite></xsl:variable>
        <xsl:sequence select="ed:fill('cite.in', map { 'edition': $edition })"/>
        <xsl:if test="exists($ed:edition?editors?*)">
          <xsl:value-of select="ed:text('cite.edited-by', map { 'editors': ed:editors() })"/>
        </xsl:if>
        <xsl:for-each select="ed:edition-year($tei)">
          <xsl:value-of select="' (' || . || ')'"/>
        </xsl:for-each>
        <xsl:text>. </xsl:text>
        <a href="{$url}">
          <!-- A line may break after each slash of the URL, never inside a word of it. -->
          <xsl:for-each select="tokenize($url, '/')">
            <xsl:if test="position() gt 1">/<wbr/></xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </a>
        <!-- The day the reader reads it, which the page cannot know when it is built: assets/cite.js writes it; without script the citation goes without. -->
        <xsl:variable name="accessed" as="element()"><time></time></xsl:variable>
        <span class="cite-accessed" hidden="hidden"><xsl:sequence select="ed:fill('cite.accessed', map { 'date': $accessed })"/></span>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="exists($tei/(tei:text | .//tei:TEI/tei:text)//(tei:p | tei:item))">
        <p class="cite-help"><xsl:value-of select="ed:text('cite.paragraphs')"/></p>
      </xsl:if>
      <xsl:if test="$source-path != ''">
        <p><a class="download" href="{$path-to-root}{ed:uri-path($source-path)}" download="{tokenize($source-path, '/')[last()]}"><xsl:value-of select="ed:text('document.download-tei')"/></a></p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The year the document was published in this edition: its publication statement's date. -->
  <xsl:function name="ed:edition-year" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/(string(@when), normalize-space(.)) ! substring(., 1, 4)[matches(., '^\d{4}$')])[1]"/>
  </xsl:function>

  <!-- A relative path with each segment percent-encoded. -->
  <xsl:function name="ed:uri-path" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize($path, '/') ! encode-for-uri(.), '/')"/>
  </xsl:function>

  <xsl:template match="tei:bibl[not(ed:is-container(.))]">
    <span class="bibl" data-tei="bibl"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The text and its parts: their content, in order. -->
  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A division: a section of the page, its type and id kept. -->
  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <div class="div" data-tei="div">
      <xsl:if test="@type"><xsl:attribute name="data-type" select="@type"/></xsl:if>
      <xsl:call-template name="ed:facs"/>
      <xsl:apply-templates select="@xml:id, node()"/>
    </div>
  </xsl:template>

  <!-- A list: its heading before it, then a list of its items; an item's label (label, item pairs) leads its item. -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <ul data-tei="list"><xsl:apply-templates select="node() except tei:head"/></ul>
  </xsl:template>

  <!-- A list's label before an item: read at the start of that item, not between the items. -->
  <xsl:template match="tei:list/tei:label[following-sibling::*[1][self::tei:item]]">
    <xsl:param name="ed:leading" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="$ed:leading"><xsl:next-match/></xsl:if>
  </xsl:template>

  <!-- A list item after its label: a list item, led by the label. -->
  <xsl:template match="tei:list/tei:item[preceding-sibling::*[1][self::tei:label]]">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates select="preceding-sibling::*[1]"><xsl:with-param name="ed:leading" as="xs:boolean" select="true()" tunnel="yes"/></xsl:apply-templates>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="@xml:id">
    <xsl:attribute name="id" select="."/>
  </xsl:template>

  <!-- A cross-reference that leads somewhere is a link; one that leads nowhere keeps its words, unlinked (common/linking.xsl). -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:variable name="safe" select="ed:safe-href($href)"/>
    <xsl:choose>
      <xsl:when test="$safe"><a href="{$safe}" data-tei="{local-name()}"><xsl:sequence select="$content"/></a></xsl:when>
      <xsl:otherwise><span class="ref" data-tei="{local-name()}"><xsl:sequence select="$content"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A letter's previous and next letters as its correspContext names them, in each scope (a correspondence, the collection). -->
  <xsl:template name="ed:correspondence-nav">
    <xsl:variable name="links" select="parse-json($correspondence-json)?*"/>
    <xsl:if test="exists($links)">
      <nav class="correspondence-nav" aria-label="{ed:text('letters.nav')}">
        <ul>
          <xsl:for-each select="$links">
            <xsl:variable name="scope" select="if (?scope = ('withinCorrespondence', 'withinCollection', 'betweenCorrespondents', 'amongLetters')) then ?scope
                                               else if (?scope != '') then 'other' else 'none'"/>
            <xsl:variable name="label" select="ed:text('letters.' || ?rel || '.' || $scope, map { 'scope': replace(?scope, '([a-z])([A-Z])', '$1 $2') ! lower-case(.) })"/>
            <li>
              <xsl:choose>
                <xsl:when test="exists(?id)">
                  <a rel="{?rel}" href="{encode-for-uri(?id)}.html"><span class="nav-label"><xsl:value-of select="$label"/></span> <xsl:value-of select="?title"/></a>
                </xsl:when>
                <xsl:otherwise>
                  <span class="nav-label"><xsl:value-of select="$label"/></span>
                  <xsl:value-of select="?label"/>
                  <span class="not-in-edition"><xsl:value-of select="' ' || ed:text('letters.not-in-edition')"/></span>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- Previous and next document by date, and the way back to the list. -->
  <xsl:template name="ed:document-nav">
    <xsl:variable name="ids" select="$ed:documents?*!?id"/>
    <xsl:variable name="i" select="index-of($ids, $document-id)[1]"/>
    <nav class="document-nav" aria-label="{ed:text('document.nav')}">
      <xsl:if test="exists($i) and $i gt 1">
        <xsl:variable name="prev" select="$ed:documents($i - 1)"/>
        <a rel="prev" href="{encode-for-uri($prev?id)}.html"><span class="nav-label"><xsl:value-of select="ed:text('document.previous')"/></span> <xsl:value-of select="$prev?title"/></a>
      </xsl:if>
      <a class="nav-all" href="../index.html#documents"><xsl:value-of select="ed:text('document.all')"/></a>
      <xsl:if test="exists($i) and $i lt array:size($ed:documents)">
        <xsl:variable name="next" select="$ed:documents($i + 1)"/>
        <a rel="next" href="{encode-for-uri($next?id)}.html"><span class="nav-label"><xsl:value-of select="ed:text('document.next')"/></span> <xsl:value-of select="$next?title"/></a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- ===== The contract templates, for HTML ===== -->

  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <!-- A block that is a mention too (a speaker) leaves its anchor to the mention within. -->
    <xsl:variable name="anchor" select="if ((ed:is-passage(.) or @xml:id) and not(ed:is-mention(.))) then ed:anchor(.) else ()"/>
    <xsl:element name="{ed:block-element($kind, .)}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="ed:block-classes($kind, .)"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <xsl:if test="$kind = 'block'"><xsl:call-template name="ed:fallback-attributes"/></xsl:if>
      <xsl:if test="$anchor"><xsl:attribute name="id" select="$anchor"/></xsl:if>
      <xsl:call-template name="ed:facs"/>
      <xsl:if test="$kind = 'l' and (@p:ln or @p:lead)"><xsl:call-template name="ed:line-start"/></xsl:if>
      <xsl:sequence select="$content"/>
      <xsl:if test="$kind = ('p', 'item') and ancestor::tei:text">
        <xsl:text> </xsl:text>
        <a class="anchor-link" href="#{$anchor}" aria-label="{ed:text('document.paragraph-link')}">¶</a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- The HTML element a block is: a list item, a heading of its division's depth, a quotation, a verse line (a div: it holds its number), else a paragraph. -->
  <xsl:function name="ed:block-element" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($kind = 'item') then 'li'
                          else if ($kind = 'head') then 'h' || min((6, max((2, 1 + ed:heading-depth($e)))))
                          else if ($kind = 'quote') then 'blockquote'
                          else if ($kind = ('block', 'part', 'l', 'line')) then 'div' else 'p'"/>
  </xsl:function>

  <!--
    How many headed parts a heading stands in (itself included): divisions, cast lists and their
    groups, stanzas, embedded texts, each with a heading of its own; a document's one division is
    not one, its heading being the page's title (ed:titled-division). Its heading is one level below theirs.
  -->
  <xsl:function name="ed:heading-depth" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="count($head/ancestor::*[self::tei:castList or ((self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                                                  or self::tei:castGroup or self::tei:lg or self::tei:floatingText) and tei:head)]
                                                 [not(ed:titled-division(.))])"/>
  </xsl:function>

  <xsl:function name="ed:block-classes" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (empty($e/(@rend | @rendition | @part))) then $kind
                          else string-join(($kind, if ($kind = ('l', 'lg', 'stage', 'line')) then ed:layout-classes($e) else (), $e/@part[. = ('I', 'M', 'F')] ! ('part-' || .)), ' ')"/>
  </xsl:function>

  <!-- A verse line begins with its number (every fifth), and a split line's later part with the earlier parts' words, unseen, to set it on from where they end. -->
  <xsl:template name="ed:line-start">
    <xsl:variable name="number" select="ed:line-number(.)"/>
    <xsl:variable name="lead" select="ed:line-lead(.)"/>
    <xsl:if test="$number != ''"><span class="line-number" aria-hidden="true"><xsl:value-of select="$number"/></span></xsl:if>
    <xsl:if test="$lead != ''"><span class="line-lead" aria-hidden="true"><xsl:value-of select="$lead"/></span></xsl:if>
  </xsl:template>

  <!-- A part of the text made of blocks: a division of its kind (a speech, a stanza, a letter's closing), a block quotation. -->
  <xsl:template name="ed:section">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:element name="{if ($kind = 'quote') then 'blockquote' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="ed:block-classes($kind, .)"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <!-- A block of the text (a dateline of parts) keeps the anchor search results and citations point to. -->
      <xsl:if test="ed:is-passage(.) or @xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:call-template name="ed:facs"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="ed:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:param name="anchored" as="xs:boolean" select="true()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'date'">
        <xsl:variable name="element" select="if (string(@when) castable as xs:date or string(@when) castable as xs:gYear
                                                 or string(@when) castable as xs:gYearMonth) then 'time' else 'span'"/>
        <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="'date'"/>
          <xsl:attribute name="data-tei" select="'date'"/>
          <!-- (A play's date, kept beside its text, has no place in the text to anchor.) -->
          <xsl:if test="$anchored and (@xml:id or @p:a)"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
          <xsl:if test="$element = 'time'"><xsl:attribute name="datetime" select="@when"/></xsl:if>
          <xsl:for-each select="@notBefore, @notAfter, @from, @to">
            <xsl:attribute name="data-{lower-case(local-name())}" select="."/>
          </xsl:for-each>
          <xsl:attribute name="title" select="$label"/>
          <xsl:sequence select="$content"/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="$kind = 'title'">
        <cite data-tei="title"><xsl:sequence select="$content"/></cite>
      </xsl:when>
      <xsl:when test="$kind = 'supplied'">
        <!-- The explanation shows on hover (title) and on keyboard focus (CSS, from data-explain). -->
        <span class="supplied" data-tei="supplied" title="{$label}" data-explain="{$label}" tabindex="0">
          <xsl:sequence select="$content"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{string-join(($kind, if ($kind = 'line') then ed:layout-classes(.) else ()), ' ')}" data-tei="{local-name()}">
          <xsl:if test="$kind = 'unrendered'"><xsl:call-template name="ed:fallback-attributes"/></xsl:if>
          <!-- A block set within a line (a signature in the closing's words) keeps its anchor; so does a point the text names. -->
          <xsl:if test="ed:is-passage(.) or ($kind = 'anchor' and @xml:id)"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
          <xsl:call-template name="ed:facs"/>
          <xsl:if test="$label"><xsl:attribute name="title" select="$label"/></xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Diplomatic and reading views: both are on the page; the view switch (CSS) shows one. -->
  <xsl:template name="ed:variant">
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:element name="{if (self::tei:del) then 'del' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="local-name() || ' ' || $view || '-only'"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <xsl:if test="$label"><xsl:attribute name="title" select="$label"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Highlighting as the source does it (underlined, superscript, spaced): each @rend value a class the stylesheet knows. -->
  <xsl:template match="tei:hi">
    <xsl:variable name="rends" select="tokenize(lower-case(normalize-space(@rend)), '\s+') ! replace(., '[_ ]', '-')"/>
    <xsl:element name="{if ($rends = ('superscript', 'sup', 'super')) then 'sup' else if ($rends = ('subscript', 'sub')) then 'sub' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join(('hi', $rends ! ('rend-' || ($ed:rend-aliases(.), .)[1])), ' ')"/>
      <xsl:attribute name="data-tei" select="'hi'"/>
      <xsl:if test="@rend"><xsl:attribute name="data-rend" select="@rend"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The spellings of @rend editions use, to the class edition.css styles. -->
  <xsl:variable name="ed:rend-aliases" as="map(xs:string, xs:string)" select="map {
      'superscript': 'sup', 'super': 'sup', 'subscript': 'sub', 'u': 'underline', 'underlined': 'underline',
      'i': 'italic', 'italics': 'italic', 'b': 'bold', 'spaced-out': 'spaced', 'letterspaced': 'spaced', 'letter-spacing': 'spaced',
      'gesperrt': 'spaced', 'expanded': 'spaced', 'small-caps': 'smallcaps', 'sc': 'smallcaps', 'line-through': 'strike',
      'strikethrough': 'strike', 'overstrike': 'strike', 'latintype': 'latin', 'antiqua': 'latin', 'double-underline': 'underline2',
      'underline-double': 'underline2', 'doubleunderline': 'underline2'
    }"/>

  <xsl:template name="ed:container">
    <div class="container" data-tei="{local-name()}">
      <xsl:call-template name="ed:fallback-attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- Marks what editio rendered by the general rule (listed by build with the report option), and foreign namespaces. -->
  <xsl:template name="ed:fallback-attributes">
    <xsl:if test="not(ed:renders-plainly(.))"><xsl:attribute name="data-fallback" select="name()"/></xsl:if>
    <xsl:if test="namespace-uri() != 'http://www.tei-c.org/ns/1.0'">
      <xsl:attribute name="data-ns" select="namespace-uri()"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ed:milestone">
    <xsl:choose>
      <xsl:when test="self::tei:lb"><br class="lb"/></xsl:when>
      <xsl:when test="self::tei:pb and @n">
        <!-- A page beginning parts words: set apart by a space on each side, never run into them ("[295]check"). -->
        <xsl:if test="not(matches(string(preceding-sibling::node()[1][self::text()]), '\s$'))"><xsl:text> </xsl:text></xsl:if>
        <span class="pb" data-tei="pb" title="{ed:text('document.page', map { 'n': string(@n) })}"><xsl:call-template name="ed:facs"/>[<xsl:value-of select="@n"/>]</span>
        <xsl:if test="not(matches(string(following-sibling::node()[1][self::text()]), '^\s'))"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <!-- A page without a number that has an image: the viewer numbers its mark (assets/facsimile.js). -->
      <xsl:when test="self::tei:pb and @facs and $facsimile-json != ''">
        <xsl:text> </xsl:text><span class="pb" data-tei="pb"><xsl:call-template name="ed:facs"/></span><xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where the text points to its facsimile (a page, a zone of one): the viewer follows the reader there (assets/facsimile.js). -->
  <xsl:template name="ed:facs">
    <xsl:if test="@facs and $facsimile-json != ''"><xsl:attribute name="data-facs" select="normalize-space(@facs)"/></xsl:if>
  </xsl:template>

  <!-- A document's facsimile beside its text: the page in view, deep zoom (assets/facsimile.js), its controls in the edition's language. -->
  <xsl:template name="ed:facsimile">
    <aside class="facsimile" aria-label="{ed:text('facsimile.label')}" data-facsimile="{$facsimile-json}"
        data-of="{ed:text('facsimile.of', map { 'n': '{n}', 'total': '{total}' })}" data-show="{ed:text('facsimile.show')}">
      <div class="facsimile-bar">
        <button type="button" data-go="-1" aria-label="{ed:text('facsimile.previous')}" title="{ed:text('facsimile.previous')}">‹</button>
        <span class="facsimile-place" aria-live="polite"></span>
        <button type="button" data-go="1" aria-label="{ed:text('facsimile.next')}" title="{ed:text('facsimile.next')}">›</button>
        <button type="button" data-zoom="in" aria-label="{ed:text('facsimile.zoom-in')}" title="{ed:text('facsimile.zoom-in')}">+</button>
        <button type="button" data-zoom="out" aria-label="{ed:text('facsimile.zoom-out')}" title="{ed:text('facsimile.zoom-out')}">−</button>
        <button type="button" data-zoom="home" aria-label="{ed:text('facsimile.whole')}" title="{ed:text('facsimile.whole')}">⤢</button>
      </div>
      <div class="facsimile-view" role="img" aria-label="{ed:text('facsimile.label')}"></div>
      <p class="facsimile-failed" role="status" hidden="hidden"><xsl:value-of select="ed:text('facsimile.failed')"/></p>
    </aside>
  </xsl:template>

  <!--
    A mention links to its register entry. HTML links cannot nest, so a mention that contains
    other mentions ("Current Affairs Committee of the Central Military Party Committee") is a
    span whose own words link to its entry and whose inner mentions link to theirs. Which entry it
    names, that entry's page and name, and its class were written onto it when the source was
    prepared (src/transform/mentions.ts): looked up here, they cost half of a page's time.
  -->
  <xsl:template name="ed:mention">
    <xsl:variable name="href" select="@p:href ! ($path-to-root || .)"/>
    <xsl:variable name="nested" select="exists(@p:nested)"/>
    <xsl:if test="@p:unknown">
      <xsl:message select="concat('[ref-unresolved] ', local-name(), ' points to ', ed:mention-pointer(.), ', which is no entry of the authority lists')"/>
    </xsl:if>
    <!-- Attributes are written in place: built apart as a sequence and copied, they cost a third of a page's time. -->
    <xsl:element name="{if ($href and not($nested)) then 'a' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="$href and not($nested)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:attribute name="class" select="@p:class"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <xsl:for-each select="ed:mention-pointer(.)"><xsl:attribute name="data-ref" select="."/></xsl:for-each>
      <xsl:if test="@key"><xsl:attribute name="data-key" select="@key"/></xsl:if>
      <xsl:attribute name="id" select="ed:anchor(.)"/>
      <xsl:if test="@p:title"><xsl:attribute name="title" select="@p:title"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$href and $nested">
          <xsl:for-each-group select="node()" group-adjacent="exists(descendant-or-self::*[ed:is-mention(.)])">
            <xsl:choose>
              <!-- (Space between inner mentions is no link of its own.) -->
              <xsl:when test="current-grouping-key() or not(normalize-space(string-join(current-group() ! string(.), '')))"><xsl:apply-templates select="current-group()"/></xsl:when>
              <xsl:otherwise><a href="{$href}" class="mention-part"><xsl:apply-templates select="current-group()"/></a></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each-group>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template name="ed:note">
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <sup class="note-ref" id="note-ref-{$n}"><a href="#note-{$n}" aria-label="{ed:text('note.call', map { 'n': string($n) })}"><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <xsl:template name="ed:notes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading"><xsl:value-of select="ed:text('notes.heading')"/></h2>
        <ol>
          <xsl:for-each select="$notes">
            <li id="note-{position()}" data-tei="note">
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a href="#note-ref-{position()}" class="note-back" aria-label="{ed:text('note.back', map { 'n': string(position()) })}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
