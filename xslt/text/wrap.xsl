<?xml version="1.0" encoding="UTF-8"?>
<!-- Line wrapping for the text edition. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!--
    The columns a string takes in a terminal: a combining mark none, a wide East Asian
    character (CJK ideographs, kana, Hangul, full-width forms) two, anything else one.
  -->
  <xsl:function name="ed:display-width" as="xs:integer">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="string-length(replace($s, '\p{M}', ''))
        + string-length(replace($s, '[^\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}\p{IsCJKCompatibilityIdeographs}]', ''))"/>
  </xsl:function>

  <!--
    Wraps $text into lines of at most $width columns (ed:display-width), breaking at spaces. The first line
    starts with $first, the others with $indent. A word longer than a line gets a line of its own.
  -->
  <xsl:function name="ed:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($text), ' ')[. != '']"/>
    <xsl:variable name="lines" as="xs:string*" select="fold-left($words, (), function($lines, $word) {
        if (empty($lines)) then $first || $word
        else if (ed:display-width($lines[last()]) + 1 + ed:display-width($word) le $width)
          then ($lines[position() lt last()], $lines[last()] || ' ' || $word)
        else ($lines, $indent || $word)
      })"/>
    <xsl:sequence select="string-join($lines, '&#10;')"/>
  </xsl:function>

</xsl:stylesheet>
