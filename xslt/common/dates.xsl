<?xml version="1.0" encoding="UTF-8"?>
<!-- How dates are read and shown: ISO values (TEI att.datable) to words and sort keys. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    exclude-result-prefixes="#all">

  <!--
    An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) in the edition's language: "21 September 1966",
    "21. September 1966", "21 septembre 1966" (its months and the order of day, month and year:
    $language, from Intl); other values as given. src/i18n/dates.ts writes dates the same way.
  -->
  <xsl:function name="ed:format-iso-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="day" select="substring($iso, 1, 10)"/>
    <xsl:sequence select="
        if (matches($iso, '^\d{4}-\d{2}-\d{2}') and $day castable as xs:date)
          then ed:date-in-words($language?day, substring($iso, 1, 4), substring($iso, 6, 2), substring($iso, 9, 2))
        else if (matches($iso, '^\d{4}-\d{2}$') and concat($iso, '-01') castable as xs:date)
          then ed:date-in-words($language?month, substring($iso, 1, 4), substring($iso, 6, 2), '01')
        else $iso"/>
  </xsl:function>

  <!-- A pattern's {d}, {m} and {y} filled: the day and year as numbers, the month by its name. -->
  <xsl:function name="ed:date-in-words" as="xs:string">
    <xsl:param name="pattern" as="xs:string"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="month" as="xs:string"/>
    <xsl:param name="day" as="xs:string"/>
    <!-- The first of a month as the language writes it (French "1er"), other days as numbers. -->
    <xsl:variable name="d" select="if (xs:integer($day) = 1) then ed:text('date.first-day') else string(xs:integer($day))"/>
    <xsl:sequence select="replace(replace(replace($pattern, '\{d\}', $d), '\{m\}', $language?months(xs:integer($month))), '\{y\}', string(xs:integer($year)))"/>
  </xsl:function>

  <!--
    Two dates in words as a range, the words they end alike in said once: "1–15 October 1966",
    "1. – 15. Oktober 1966" is "1.–15. Oktober 1966", "1 September – 15 October 1966"; between
    two dates as the language says it ("between 1 and 15 October 1966", "zwischen 1. und 15.
    Oktober 1966"); only dates given alike share words (src/i18n/dates.ts, rangeInWords).
  -->
  <xsl:function name="ed:date-range" as="xs:string">
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="last" as="xs:string"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:variable name="a" select="tokenize($first, ' ')"/>
    <xsl:variable name="b" select="tokenize($last, ' ')"/>
    <!-- How many words, at most all but the first, two dates given alike (to the day, to the month) end alike in. -->
    <xsl:variable name="shared" select="if (count($a) ne count($b)) then 0 else (reverse(0 to count($a) - 1)
        [every $i in 1 to . satisfies $a[count($a) - $i + 1] = $b[count($b) - $i + 1]])[1]"/>
    <xsl:variable name="start" select="if ($shared gt 0 and $shared lt count($b)) then string-join($a[position() le count($a) - $shared], ' ') else $first"/>
    <xsl:sequence select="if ($form = 'between') then ed:text('date.between', map { 'first': $start, 'last': $last })
                          else if (matches($start, '^\d+\.?$')) then $start || '–' || $last
                          else $start || ' – ' || $last"/>
  </xsl:function>

  <!--
    What a date element says, in words, from its attributes, with its doubts as the editors state
    them: "about 1966" where its precision is low or medium, "1966?" where its certainty is less
    than high; a range whose ends are one day, that day (src/i18n/dates.ts, dateInWords, says the same).
  -->
  <xsl:function name="ed:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="words" select="
        if ($date/@when) then ed:format-iso-date($date/@when)
        else if ($date/@from and $date/@to) then (if ($date/@from = $date/@to) then ed:format-iso-date($date/@from) else ed:date-range(ed:format-iso-date($date/@from), ed:format-iso-date($date/@to), 'from-to'))
        else if ($date/@notBefore and $date/@notAfter)
          then (if ($date/@notBefore = $date/@notAfter) then ed:format-iso-date($date/@notBefore)
                else ed:date-range(ed:format-iso-date($date/@notBefore), ed:format-iso-date($date/@notAfter), 'between'))
        else if ($date/@notBefore) then ed:text('date.not-before', map { 'date': ed:format-iso-date($date/@notBefore) })
        else if ($date/@notAfter) then ed:text('date.not-after', map { 'date': ed:format-iso-date($date/@notAfter) })
        else normalize-space($date)"/>
    <xsl:variable name="cert" select="normalize-space($date/@cert)"/>
    <xsl:variable name="about" select="if (normalize-space($date/@precision) = ('low', 'medium')) then ed:text('date.about', map { 'date': $words }) else $words"/>
    <xsl:sequence select="$about || (if ($cert = ('low', 'medium', 'unknown') or ($cert castable as xs:double and xs:double($cert) lt 1)) then '?' else '')"/>
  </xsl:function>
</xsl:stylesheet>
