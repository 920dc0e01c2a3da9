<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition: parts of one book, which src/print/ puts together and Paged.js lays out
  in pages. It imports the HTML layer and overrides only what paper does differently: no links
  and no colours on names, notes as footnotes at the page foot, anchors made unique across the
  book ($anchor-prefix), and each document as a chapter. Default mode: a document. Modes
  "title-page" and "index" (the introduction): from the edition file.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html/html.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no" omit-xml-declaration="yes"/>

  <xsl:mode name="title-page" on-no-match="shallow-skip"/>

  <!-- Each part of the book as valid HTML, whatever the TEI nests where (html/content-models.xsl). -->
  <xsl:template match="/" mode="#default index title-page" priority="10">
    <xsl:variable name="part" as="document-node()"><xsl:document><xsl:next-match/></xsl:document></xsl:variable>
    <xsl:apply-templates select="$part/node()" mode="valid"/>
  </xsl:template>

  <!-- A document as a chapter: its number, title, date, place, source, then its text. -->
  <xsl:template match="/">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="date" select="ed:document-date($tei)"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <section class="document" id="{$anchor-prefix}start">
      <!-- Its own language, for the reader and for hyphenation (src/print/book.ts). -->
      <xsl:for-each select="ed:language($tei)"><xsl:attribute name="lang" select="."/></xsl:for-each>
      <!-- What the running heads of its pages say: its short title (title type="short"), else its title cut between words. -->
      <xsl:variable name="title" select="normalize-space(ed:title($tei))"/>
      <xsl:variable name="short" select="normalize-space($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short'][1])"/>
      <p class="running-title">
        <xsl:value-of select="if ($short != '') then $short else if (string-length($title) le 60) then $title else replace(substring($title, 1, 58), '\s+\S*$', '') || ' …'"/>
      </p>
      <p class="document-number"><xsl:value-of select="ed:text('print.document', map { 'id': $document-id })"/></p>
      <h1><xsl:apply-templates select="ed:heading($tei)"/></h1>
      <!-- The fields as a table of two columns, each row headed by its field's name: a PDF's structure and a screen reader read them so. -->
      <table class="document-meta">
        <tbody>
          <xsl:if test="$date">
            <tr><th scope="row"><xsl:value-of select="ed:text('field.date')"/></th><td><xsl:apply-templates select="$date" mode="ed:field"/></td></tr>
          </xsl:if>
          <xsl:for-each select="($profile/tei:creation/tei:placeName, $profile/tei:correspDesc/tei:correspAction/tei:placeName)">
            <tr>
              <th scope="row"><xsl:value-of select="if (parent::tei:creation) then ed:text('field.place') else ed:correspondence-label(../@type)"/></th>
              <td><xsl:apply-templates select="."/></td>
            </tr>
          </xsl:for-each>
          <tr><th scope="row"><xsl:value-of select="ed:text('field.source')"/></th><td><xsl:apply-templates select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/node()"/></td></tr>
        </tbody>
      </table>
      <xsl:if test="$profile/tei:abstract">
        <div class="summary">
          <p class="summary-label"><xsl:value-of select="ed:text('field.summary')"/></p>
          <xsl:apply-templates select="$profile/tei:abstract/node()"/>
        </div>
      </xsl:if>
      <div class="document-text">
        <xsl:apply-templates select="ed:texts($tei)"/>
      </div>
    </section>
  </xsl:template>

  <!--
    The front matter, from the edition's header: a half-title; the title page (title, subtitle,
    editors, publisher, place and year, the placeholders of an edition not yet named left out);
    the imprint (how to cite it, its address, its licence, its date, what made it); and a note on
    the text from its editorial principles.
  -->
  <xsl:template match="/" mode="title-page">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="publication" select="$tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="date" select="$publication/tei:date[1]"/>
    <xsl:variable name="publisher" select="$publication/tei:publisher[not(.//tei:name[@type = 'placeholder'])]"/>
    <section class="half-title">
      <p class="half-title-text"><xsl:value-of select="$ed:edition?title"/></p>
    </section>
    <section class="title-page">
      <h1 class="book-title"><xsl:value-of select="$ed:edition?title"/></h1>
      <xsl:if test="$ed:edition?subtitle">
        <p class="book-subtitle"><xsl:value-of select="$ed:edition?subtitle"/></p>
      </xsl:if>
      <xsl:if test="exists($ed:edition?editors?*)">
        <p class="book-editors"><xsl:value-of select="ed:text('edition.edited-by', map { 'editors': ed:editors() })"/></p>
      </xsl:if>
      <p class="book-imprint">
        <xsl:value-of select="string-join((normalize-space(string-join($publisher, ', '))[. != ''], normalize-space($publication/tei:pubPlace[1])[. != ''], ed:edition-year($tei)), ' · ')"/>
      </p>
    </section>
    <section class="imprint">
      <h2 class="imprint-heading"><xsl:value-of select="ed:text('print.cite')"/></h2>
      <xsl:call-template name="ed:edition-citation">
        <xsl:with-param name="tei" select="$tei"/>
      </xsl:call-template>
      <xsl:if test="$ed:edition?baseUrl">
        <p><xsl:value-of select="ed:text('print.online', map { 'url': string($ed:edition?baseUrl) })"/></p>
      </xsl:if>
      <p><xsl:apply-templates select="($publication/tei:availability//tei:licence/node(), $publication/tei:availability/tei:p/node())"/>
        <xsl:if test="not(normalize-space($publication/tei:availability))"><xsl:value-of select="$ed:edition?licence?name"/></xsl:if></p>
      <xsl:if test="$date">
        <p><xsl:value-of select="ed:text('print.date', map { 'date': ed:date-label($date) })"/></p>
      </xsl:if>
      <p><xsl:value-of select="ed:text('print.made-with', map { 'tool': $made-with })"/></p>
    </section>
    <xsl:variable name="principles" select="$tei/tei:teiHeader/tei:encodingDesc/tei:editorialDecl//tei:p"/>
    <xsl:if test="exists($principles)">
      <section class="note-on-text" id="note-on-text">
        <h1><xsl:value-of select="ed:text('print.note-on-text')"/></h1>
        <xsl:apply-templates select="$principles"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/" mode="index">
    <xsl:for-each select="ed:root(.)/tei:text/tei:body/tei:div">
      <section class="introduction" id="{$anchor-prefix}start">
        <h1>
          <xsl:apply-templates select="tei:head[1]/node()"/>
          <xsl:if test="empty(tei:head)"><xsl:value-of select="ed:text('edition.introduction')"/></xsl:if>
        </h1>
        <xsl:apply-templates select="node() except tei:head[1]"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- On paper a name is plain text; its anchor is what the index counts pages by. -->
  <xsl:template name="ed:mention">
    <span class="mention" id="{ed:anchor(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- On paper a cross-reference is its words: the document it names is a chapter of the same book. -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <span class="ref"><xsl:sequence select="$content"/></span>
  </xsl:template>

  <!-- The note's number for its marker (renumbered through the book by src/print/book.ts). -->
  <xsl:template name="ed:note">
    <span class="footnote" data-n="{ed:note-number(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template name="ed:notes">
    <xsl:param name="notes" as="element()*"/>
  </xsl:template>

  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:element name="{ed:block-element($kind, .)}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="ed:block-classes($kind, .)"/>
      <xsl:if test="(ed:is-passage(.) or @xml:id) and not(ed:is-mention(.))"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:if test="$kind = 'l' and (@p:ln or @p:lead)"><xsl:call-template name="ed:line-start"/></xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
