<?xml version="1.0" encoding="UTF-8"?>
<!--
  The EPUB edition: the print edition's parts as XHTML, one file each (src/print/epub.ts puts
  them in the package). It imports the print layer and overrides only what an e-book does
  differently: notes are EPUB footnotes (a noteref in the text, an aside after it, each linking
  back to the other) instead of notes at the page foot.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="xsl xs tei ed p">

  <xsl:import href="../print/print.xsl"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!-- Each part of the book (a document, the introduction, the front matter) as on paper, made an e-book's. -->
  <xsl:template match="/" mode="#default index title-page">
    <xsl:call-template name="ed:e-book">
      <xsl:with-param name="part"><xsl:next-match/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A part of the book as valid XHTML, with its notes: those it calls, each once. -->
  <xsl:template name="ed:e-book">
    <xsl:param name="part" as="document-node()"/>
    <xsl:variable name="called" select="$part//*:a[@class = 'noteref']/string()"/>
    <xsl:variable name="shown" select="ed:root(.)//tei:note[@p:n][string(ed:note-number(.)) = $called]"/>
    <!-- A note within a note is called from the outer note's footnote. -->
    <xsl:variable name="notes" select="$shown | $shown//tei:note[@p:n]"/>
    <xsl:variable name="with-notes" as="document-node()">
      <xsl:document>
        <xsl:sequence select="$part"/>
        <xsl:call-template name="ed:notes">
          <xsl:with-param name="notes" select="$notes[not(ed:note-number(.) = subsequence($notes, 1, position() - 1)/ed:note-number(.))]"/>
        </xsl:call-template>
      </xsl:document>
    </xsl:variable>
    <xsl:apply-templates select="$with-notes" mode="valid"/>
  </xsl:template>

  <!-- The EPUB namespace declared once, on the part's outermost elements, not on each footnote call. -->
  <xsl:template match="/*" mode="valid">
    <xsl:copy>
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <xsl:apply-templates select="@*, node()" mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- What the PDF's running heads say, which an e-book has none of. -->
  <xsl:template match="*:p[@class = 'running-title']" mode="valid"/>

  <xsl:template name="ed:note">
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <a epub:type="noteref" role="doc-noteref" class="noteref" id="{$anchor-prefix}note-ref-{$n}" href="#{$anchor-prefix}note-{$n}"><xsl:value-of select="$n"/></a>
  </xsl:template>

  <xsl:template name="ed:notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <section class="notes" epub:type="footnotes">
        <h2><xsl:value-of select="ed:text('notes.heading')"/></h2>
        <xsl:for-each select="$notes">
          <xsl:variable name="n" select="ed:note-number(.)"/>
          <aside epub:type="footnote" role="doc-footnote" class="footnote" id="{$anchor-prefix}note-{$n}">
            <a class="note-back" href="#{$anchor-prefix}note-ref-{$n}" role="doc-backlink" title="{ed:text('note.back-to-text')}"><xsl:value-of select="$n"/>.</a>
            <xsl:text> </xsl:text>
            <xsl:apply-templates/>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
