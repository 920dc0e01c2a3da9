<?xml version="1.0" encoding="UTF-8"?>
<!-- How dates are read and shown: ISO values (TEI att.datable) to words and sort keys. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!-- An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in words: "21 September 1966"; other values as given. -->
  <xsl:function name="ed:format-iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="day" select="substring($iso, 1, 10)"/>
    <xsl:sequence select="
        if (matches($iso, '^\d{4}-\d{2}-\d{2}') and $day castable as xs:date)
          then format-date(xs:date($day), '[D] [MNn] [Y0001]', 'en', (), ())
        else if (matches($iso, '^\d{4}-\d{2}$') and concat($iso, '-01') castable as xs:date)
          then format-date(xs:date(concat($iso, '-01')), '[MNn] [Y0001]', 'en', (), ())
        else $iso"/>
  </xsl:function>

  <!--
    What a date element says, in words, from its attributes, with its doubts as the editors state
    them: "about 1966" where its precision is low or medium, "1966?" where its certainty is less
    than high (src/header.ts, dateInWords, says the same).
  -->
  <xsl:function name="ed:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="words" select="
        if ($date/@when) then ed:format-iso-date($date/@when)
        else if ($date/@from and $date/@to) then concat(ed:format-iso-date($date/@from), ' – ', ed:format-iso-date($date/@to))
        else if ($date/@notBefore and $date/@notAfter)
          then concat('between ', ed:format-iso-date($date/@notBefore), ' and ', ed:format-iso-date($date/@notAfter))
        else if ($date/@notBefore) then concat('not before ', ed:format-iso-date($date/@notBefore))
        else if ($date/@notAfter) then concat('not after ', ed:format-iso-date($date/@notAfter))
        else normalize-space($date)"/>
    <xsl:variable name="cert" select="normalize-space($date/@cert)"/>
    <xsl:sequence select="(if (normalize-space($date/@precision) = ('low', 'medium')) then 'about ' else '') || $words
                          || (if ($cert = ('low', 'medium', 'unknown') or ($cert castable as xs:double and xs:double($cert) lt 1)) then '?' else '')"/>
  </xsl:function>

</xsl:stylesheet>
