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
    <xsl:sequence select="if (ed:one-column-each($s)) then string-length($s) else
        string-length(replace($s, '\p{M}', ''))
        + string-length(replace($s, '[^\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}\p{IsCJKCompatibilityIdeographs}]', ''))"/>
  </xsl:function>

  <!-- Whether every character takes one column: no combining mark, no wide character. -->
  <xsl:function name="ed:one-column-each" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <!-- Latin, Greek, Cyrillic letters and the usual punctuation first: a small class, where the Unicode blocks below make a costly one. -->
    <xsl:sequence select="not(matches($s, '[^&#x9;-&#x2FF;&#x370;-&#x482;&#x48A;-&#x52F;&#x2010;-&#x2027;&#x2030;-&#x205E;]'))
                          or not(matches($s, '[\p{M}\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}\p{IsCJKCompatibilityIdeographs}]'))"/>
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
    <xsl:variable name="words" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$words = ''"><xsl:sequence select="''"/></xsl:when>
      <!--
        The common case (every character one column, prefixes as wide as each other, as in every
        use here) is one regular expression: each line is the longest run of words that fits,
        or a long word alone. A word at a time in XSLT is ten times slower.
      -->
      <xsl:when test="string-length($first) = string-length($indent) and ed:one-column-each($words || $first || $indent)">
        <xsl:variable name="room" select="max((1, $width - string-length($indent)))"/>
        <xsl:variable name="lines" select="replace($words || ' ', '(.{0,' || $room || '}) ', '$1&#10;')"/>
        <xsl:sequence select="$first || replace(substring($lines, 1, string-length($lines) - 1), '&#10;', '&#10;' || replace($indent, '([\\$])', '\\$1'))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:wrap-by-word($words, $width, $first, $indent)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The same, word by word, measuring each word's columns (wide and combining characters). -->
  <xsl:function name="ed:wrap-by-word" as="xs:string">
    <xsl:param name="words" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <!-- Each word's width is measured once; xsl:iterate carries the finished lines and the open one. -->
    <xsl:iterate select="tokenize($words, ' ')">
      <xsl:param name="lines" as="xs:string*" select="()"/>
      <xsl:param name="line" as="xs:string?" select="()"/>
      <xsl:param name="used" as="xs:integer" select="0"/>
      <xsl:on-completion select="string-join(($lines, $line), '&#10;')"/>
      <xsl:variable name="w" select="ed:display-width(.)"/>
      <xsl:choose>
        <xsl:when test="empty($line)">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$first || ."/>
            <xsl:with-param name="used" select="ed:display-width($first) + $w"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="$used + 1 + $w le $width">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || ' ' || ."/>
            <xsl:with-param name="used" select="$used + 1 + $w"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="lines" select="($lines, $line)"/>
            <xsl:with-param name="line" select="$indent || ."/>
            <xsl:with-param name="used" select="ed:display-width($indent) + $w"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

</xsl:stylesheet>
