<?xml version="1.0" encoding="UTF-8"?>
<!--
  The chronology (mode chronology): every date of the edition in order — the documents' own
  dates and the dates their texts mention — each linked to its place, above them a timeline
  drawn as SVG when the page is built (no script). An edition with many dates gets a page per
  year instead (mode chronology-year), and the chronology lists the years.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:math="http://www.w3.org/2005/xpath-functions/math"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="chronology" on-no-match="shallow-skip"/>
  <xsl:mode name="chronology-year" on-no-match="shallow-skip"/>

  <!-- The chronology: every date on one page, or for a large edition the years, each with its page. -->
  <xsl:template match="/" mode="chronology">
    <xsl:variable name="years" select="parse-json($chronology-years-json)?*"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Chronology'"/>
      <xsl:with-param name="lang" select="(tei:TEI/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <h1>Chronology</h1>
        <xsl:choose>
          <xsl:when test="exists($years)">
            <p class="register-summary">
              <xsl:value-of select="'Every date in the edition — ' || format-integer(xs:integer(sum($years ! ?count)), '#,###')
                                    || ' of them: the documents’ own dates and the dates their texts mention, by year.'"/>
            </p>
            <ol class="chronology-years">
              <xsl:for-each select="$years">
                <li><a href="{?url}"><xsl:value-of select="?label"/></a>
                  <span class="chronology-count"><xsl:value-of select="' — ' || format-integer(xs:integer(?count), '#,###') || (if (?count = 1) then ' date' else ' dates')"/></span>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p class="register-summary">Every date in the edition: the documents’ own dates and the dates their texts mention, in order.</p>
            <xsl:call-template name="ed:chronology-items">
              <xsl:with-param name="items" select="parse-json($chronology-json)?*"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One year of a chronology split into years (chronology/1966.html); chronology-years-json names the year. -->
  <xsl:template match="/" mode="chronology-year">
    <xsl:variable name="items" select="parse-json($chronology-json)?*"/>
    <xsl:variable name="year" select="parse-json($chronology-years-json)?*[1]?label"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Chronology: ' || $year"/>
      <xsl:with-param name="lang" select="(tei:TEI/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <nav class="breadcrumb" aria-label="Chronology">
          <a href="{$path-to-root}chronology.html">Chronology</a>
        </nav>
        <h1><xsl:value-of select="'Chronology: ' || $year"/></h1>
        <xsl:call-template name="ed:chronology-items">
          <xsl:with-param name="items" select="$items"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Dates in order, each linked to its place, above them a timeline. -->
  <xsl:template name="ed:chronology-items">
    <xsl:param name="items" as="map(*)*"/>
    <xsl:call-template name="ed:timeline">
      <xsl:with-param name="items" select="$items[exists(ed:day-number(?sort))]"/>
    </xsl:call-template>
    <ol class="chronology">
      <xsl:for-each select="$items">
        <li class="chronology-{?kind}">
          <p class="chronology-date">
            <xsl:choose>
              <xsl:when test="?when castable as xs:date or ?when castable as xs:gYear or ?when castable as xs:gYearMonth">
                <time datetime="{?when}"><xsl:value-of select="?label"/></time>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="?label"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <p class="chronology-what">
            <xsl:choose>
              <xsl:when test="?kind = 'document'">
                <span class="chronology-kind">Document: </span>
                <a href="{$path-to-root}{?url}#{?anchor}"><xsl:value-of select="?title"/></a>
              </xsl:when>
              <xsl:otherwise>
                <a href="{$path-to-root}{?url}#{?anchor}">
                  <xsl:value-of select="?before"/>
                  <mark><xsl:value-of select="?text"/></mark>
                  <xsl:value-of select="?after"/>
                </a>
                <span class="chronology-source"> — <xsl:value-of select="?title"/></span>
              </xsl:otherwise>
            </xsl:choose>
          </p>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- Days since 1 January of year 1 for an ISO value (a year counts from its first day). -->
  <!-- Where day $d falls on a timeline from $start to $end, $width wide with $pad at each side. -->
  <xsl:function name="ed:timeline-x" as="xs:double">
    <xsl:param name="d" as="xs:double"/>
    <xsl:param name="start" as="xs:double"/>
    <xsl:param name="end" as="xs:double"/>
    <xsl:param name="width" as="xs:double"/>
    <xsl:param name="pad" as="xs:double"/>
    <xsl:sequence select="round($pad + ($d - $start) div ($end - $start) * ($width - 2 * $pad), 1)"/>
  </xsl:function>

  <xsl:function name="ed:day-number" as="xs:double?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="day" select="if (matches($iso, '^-?\d{4}$')) then $iso || '-01-01'
                                     else if (matches($iso, '^-?\d{4}-\d{2}$')) then $iso || '-01'
                                     else substring($iso, 1, if (starts-with($iso, '-')) then 11 else 10)"/>
    <xsl:sequence select="if ($day castable as xs:date)
                          then (xs:date($day) - xs:date('0001-01-01')) div xs:dayTimeDuration('P1D')
                          else ()"/>
  </xsl:function>

  <!-- A year axis with a dot per date; each dot links to its place and names it on hover. -->
  <xsl:template name="ed:timeline">
    <xsl:param name="items" as="map(*)*"/>
    <xsl:if test="exists($items)">
      <xsl:variable name="width" select="760"/>
      <xsl:variable name="pad" select="40"/>
      <xsl:variable name="axis" select="110"/>
      <xsl:variable name="days" select="$items ! ed:day-number(?sort)"/>
      <xsl:variable name="first-year" select="year-from-date(xs:date('0001-01-01') + xs:dayTimeDuration('P' || xs:integer(min($days)) || 'D'))"/>
      <xsl:variable name="last-year" select="year-from-date(xs:date('0001-01-01') + xs:dayTimeDuration('P' || xs:integer(max($days)) || 'D')) + 1"/>
      <xsl:variable name="start" select="ed:day-number(format-number($first-year, '0000'))"/>
      <xsl:variable name="end" select="ed:day-number(format-number($last-year, '0000'))"/>
      <xsl:variable name="span" select="$last-year - $first-year"/>
      <xsl:variable name="step" select="(1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)[$span div . le 10][1]"/>
      <figure class="timeline">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$width} 150" role="group" aria-labelledby="timeline-title">
          <title id="timeline-title">
            <xsl:value-of select="'Timeline of ' || count($items) || ' dates from ' || $first-year || ' to ' || ($last-year - 1)"/>
          </title>
          <line class="timeline-axis" x1="{$pad}" y1="{$axis}" x2="{$width - $pad}" y2="{$axis}"/>
          <xsl:for-each select="($first-year to $last-year)[(. - $first-year) mod $step = 0]">
            <xsl:variable name="tx" select="ed:timeline-x(ed:day-number(format-number(., '0000')), $start, $end, $width, $pad)"/>
            <line class="timeline-tick" x1="{$tx}" y1="{$axis - 4}" x2="{$tx}" y2="{$axis + 4}"/>
            <text class="timeline-year" x="{$tx}" y="{$axis + 22}" text-anchor="middle"><xsl:value-of select="."/></text>
          </xsl:for-each>
          <xsl:for-each select="$items">
            <xsl:variable name="cx" select="ed:timeline-x(ed:day-number(?sort), $start, $end, $width, $pad)"/>
            <xsl:variable name="row" select="(position() - 1) mod 4"/>
            <a href="{$path-to-root}{?url}#{?anchor}" class="timeline-point timeline-{?kind}">
              <title><xsl:value-of select="?label || ': ' || (if (?kind = 'document') then ?title else ?before || ?text || ?after)"/></title>
              <line class="timeline-stem" x1="{$cx}" y1="{$axis}" x2="{$cx}" y2="{86 - $row * 18}"/>
              <circle cx="{$cx}" cy="{$axis}" r="6"/>
              <text x="{$cx}" y="{82 - $row * 18}" text-anchor="{if ($cx lt 120) then 'start' else if ($cx gt $width - 120) then 'end' else 'middle'}">
                <xsl:value-of select="?label"/>
              </text>
            </a>
          </xsl:for-each>
        </svg>
        <figcaption>Each dot is a date below; select one to go to its place.</figcaption>
      </figure>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
