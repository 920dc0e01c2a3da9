<?xml version="1.0" encoding="UTF-8"?>
<!--
  The words of the interface, in the edition's language: every label, heading and sentence a
  reader reads comes from the language's message catalogue (xslt/messages/<language>.json), which
  src/i18n/catalogue.ts hands over as the parameter $language, with the forms of its dates and counts.
  No template writes a reader-facing word of its own.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- A message: its text, or, for a key no catalogue has (a test fails on it), the key itself, bracketed. -->
  <xsl:function name="ed:text" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($language?messages?($key), '⟦' || $key || '⟧')[1]"/>
  </xsl:function>

  <!-- A message with its placeholders ({name}) filled, as text. -->
  <xsl:function name="ed:text" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="map(xs:string, item()*)"/>
    <xsl:sequence select="string-join(ed:fill($key, $values) ! string(.), '')"/>
  </xsl:function>

  <!--
    A message with its placeholders filled by what is given for them, nodes too (a link, a
    title in italics): a sequence of strings and the given items, in the message's order.
  -->
  <xsl:function name="ed:fill" as="item()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="map(xs:string, item()*)"/>
    <xsl:for-each select="analyze-string(ed:text($key), '\{([a-z][a-z0-9-]*)\}')/*">
      <xsl:sequence select="if (self::*:match) then (let $name := string(*:group[@nr = '1']) return if (map:contains($values, $name)) then $values($name) else string(.)) else string(.)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A message of a count: its singular (key.one) or its plural (key.other), as the language takes them for the number, {n} filled. -->
  <xsl:function name="ed:count" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="ed:count($key, $n, map { })"/>
  </xsl:function>

  <!-- The same, with other placeholders filled too. -->
  <xsl:function name="ed:count" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="values" as="map(xs:string, item()*)"/>
    <xsl:sequence select="ed:text($key || (if ($n = $language?one?*) then '.one' else '.other'), map:merge(($values, map { 'n': ed:number($n) })))"/>
  </xsl:function>

  <!-- A count as the language writes numbers (src/i18n/catalogue.ts reads the grouping off Intl): 1,000 in English, 1000 and 10.000 in German, 10 000 in French. -->
  <xsl:function name="ed:number" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n lt ($language?groupFrom, 1000)[1] or not($language?group)) then string($n)
                          else replace(format-integer($n, '#,##0'), ',', $language?group)"/>
  </xsl:function>

</xsl:stylesheet>
