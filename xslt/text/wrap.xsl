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
    <!-- Below U+0300 (where combining marks begin) every character takes one column: no regex needed. -->
    <xsl:sequence select="if (every $c in string-to-codepoints($s) satisfies $c lt 768) then string-length($s) else
        string-length(replace($s, '\p{M}', ''))
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
    <!-- Arrays, because $sequence[$i] may walk the sequence from its start. -->
    <xsl:variable name="word" select="array { $words }"/>
    <xsl:variable name="widths" select="array { $words ! ed:display-width(.) }"/>
    <!-- Each word's width is measured once; the state carries the finished lines and the open one. -->
    <xsl:variable name="state" select="fold-left(1 to count($words), map { 'lines': (), 'line': (), 'width': 0 },
        function($state, $i) {
          if (empty($state?line)) then map { 'lines': (), 'line': $first || $word($i), 'width': ed:display-width($first) + $widths($i) }
          else if ($state?width + 1 + $widths($i) le $width)
            then map { 'lines': $state?lines, 'line': $state?line || ' ' || $word($i), 'width': $state?width + 1 + $widths($i) }
          else map { 'lines': ($state?lines, $state?line), 'line': $indent || $word($i), 'width': ed:display-width($indent) + $widths($i) }
        })"/>
    <xsl:sequence select="string-join(($state?lines, $state?line), '&#10;')"/>
  </xsl:function>

</xsl:stylesheet>
