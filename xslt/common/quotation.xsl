<?xml version="1.0" encoding="UTF-8"?>
<!--
  Quotation and emphasis (TEI's core module): what someone said or wrote, quoted, set between the
  quotation marks of the text's language („…“ in German, « … » in French, “…” in English), inner
  quotations with the inner marks; a quotation that stands among blocks set apart as a block.
  Marks the source writes itself (»<quote>…</quote>«, or on one side only) are not doubled.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- A quotation, speech, or a word so called: in the marks of its language within a line, a block quotation among blocks. -->
  <xsl:template match="tei:q | tei:quote | tei:said | tei:soCalled">
    <xsl:choose>
      <xsl:when test="ed:in-block-context(.)">
        <!-- Among blocks: a block quotation, whose layout says it is one. -->
        <xsl:call-template name="ed:text-part">
          <xsl:with-param name="kind" select="'quote'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="marks" select="if (ed:marks-quotation(.)) then ed:quotation-marks(.) else ('', '')"/>
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="'q'"/>
          <xsl:with-param name="content" as="node()*">
            <xsl:value-of select="$marks[1]"/>
            <xsl:call-template name="ed:spaced-parts"/>
            <xsl:value-of select="$marks[2]"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A quotation with its source: the quotation, then the reference, as blocks among blocks or in the line. -->
  <xsl:template match="tei:cit">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'cit'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Words emphasised, cited as words, or defined: set in italics. -->
  <xsl:template match="tei:emph | tei:mentioned | tei:term | tei:gloss">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="'emph'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Whether marks are to be set: not for indirect speech, nor where the source sets them itself (its text begins with one, or one stands next to it). -->
  <xsl:function name="ed:marks-quotation" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="before" select="$q/preceding-sibling::node()[1][self::text()]"/>
    <xsl:variable name="after" select="$q/following-sibling::node()[1][self::text()]"/>
    <xsl:variable name="mark" select="'[&quot;“”„‟«»‹›‚‘’‛「」『』]'"/>
    <xsl:sequence select="not($q/@direct = 'false')
                          and not(matches(normalize-space($q), '^' || $mark))
                          and not(matches(string($before), $mark || '\s*$') or matches(string($after), '^\s*' || $mark))"/>
  </xsl:function>

  <!-- The opening and closing marks for a quotation: its language's, the inner ones inside another quotation. -->
  <xsl:function name="ed:quotation-marks" as="xs:string+">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="lang" select="ed:language-of($q)"/>
    <xsl:variable name="pairs" select="($ed:quotation-marks($lang), $ed:quotation-marks('en'))[1]"/>
    <xsl:variable name="depth" select="count($q/ancestor::*[self::tei:q or self::tei:said or self::tei:soCalled or self::tei:quote[not(ed:in-block-context(.))]])"/>
    <xsl:sequence select="if ($depth mod 2 = 0) then $pairs(1)?* else $pairs(2)?*"/>
  </xsl:function>

  <!-- The language a node is written in, its primary subtag: its own or its ancestors' xml:lang, the document's, the edition's. -->
  <xsl:function name="ed:language-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tag" select="(ed:lang($node/ancestor-or-self::*[@xml:lang][1]), (root($node)/(tei:TEI | tei:teiCorpus))[1] ! ed:language(.), $ed:edition?language, 'en')[1]"/>
    <xsl:sequence select="lower-case(tokenize(string($tag), '-')[1])"/>
  </xsl:function>

  <!-- Per language: the outer pair of quotation marks, then the inner pair. -->
  <xsl:variable name="ed:quotation-marks" as="map(xs:string, array(array(xs:string)))" select="
    let $german := ['„', '“'], $guillemets := ['«', '»'], $english := ['“', '”'], $english-inner := ['‘', '’'],
        $low-high := ['„', '”'], $french := ['«&#x202F;', '&#x202F;»']
    return map {
      'en': [$english, $english-inner], 'la': [$english, $english-inner], 'nl': [$english, $english-inner],
      'de': [$german, ['‚', '‘']], 'cs': [$german, ['‚', '‘']], 'sk': [$german, ['‚', '‘']], 'sl': [$german, ['‚', '‘']],
      'hr': [$low-high, ['‘', '’']], 'lt': [$german, ['‚', '‘']], 'bg': [$german, ['‚', '‘']],
      'fr': [$french, $english], 'it': [$guillemets, $english], 'es': [$guillemets, $english], 'pt': [$guillemets, $english],
      'ca': [$guillemets, $english], 'el': [$guillemets, $english], 'no': [$guillemets, ['‘', '’']], 'nb': [$guillemets, ['‘', '’']],
      'ru': [$guillemets, $german], 'uk': [$guillemets, $german],
      'pl': [$low-high, $guillemets], 'hu': [$low-high, ['»', '«']], 'ro': [$low-high, $guillemets],
      'sv': [['”', '”'], ['’', '’']], 'fi': [['”', '”'], ['’', '’']], 'da': [['»', '«'], ['›', '‹']],
      'ja': [['「', '」'], ['『', '』']], 'zh': [['「', '」'], ['『', '』']]
    }"/>

</xsl:stylesheet>
