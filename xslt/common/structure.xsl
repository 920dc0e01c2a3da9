<?xml version="1.0" encoding="UTF-8"?>
<!--
  The rest of a text's structure (TEI's textstructure, core, figures, linking and transcr
  modules): anonymous and numbered divisions, the parts of a manuscript text (incipit, rubric,
  colophon), figures, and what encodes the text's geometry or links rather than its words.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!-- Blocks of the text with a name of their own: laid out as the blocks or phrases they are where they stand. -->
  <xsl:template match="tei:ab | tei:floatingText | tei:imprimatur | tei:incipit | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon
                       | tei:meeting | tei:headItem | tei:headLabel | tei:noteGrp | tei:figure | tei:formula | tei:notatedMusic | tei:textLang
                       | tei:catchwords | tei:heraldry | tei:secFol | tei:filiation | tei:relatedItem | tei:persona | tei:personGrp | tei:nym
                       | tei:secl | tei:mod | tei:retrace | tei:line | tei:email | tei:fw">
    <xsl:call-template name="ed:text-part"/>
  </xsl:template>

  <!-- What a figure shows, said in words: a reader without the image reads it, bracketed. -->
  <xsl:template match="tei:figDesc">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'figDesc'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:text>[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    Not words of the text: images (editio publishes no image files yet), the facsimile's surfaces
    and zones, a source document's geometry, an index entry for a printed index, links and
    alignments between parts, a timeline, transpositions and undoings (the text reads in its
    final order), a metamark (the change it marks is transcribed where it applies), and
    relations between persons (their register pages read them off the records).
  -->
  <xsl:template match="tei:graphic | tei:binaryObject | tei:facsimile | tei:sourceDoc | tei:surface | tei:surfaceGrp | tei:zone | tei:index
                       | tei:altGrp | tei:joinGrp | tei:timeline | tei:when | tei:listTranspose | tei:transpose | tei:substJoin | tei:undo | tei:redo
                       | tei:metamark | tei:listNym | tei:relation | tei:listPrefixDef | tei:prefixDef"/>

</xsl:stylesheet>
