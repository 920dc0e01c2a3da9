<?xml version="1.0" encoding="UTF-8"?>
<!--
  A register page (mode register): every entry of one kind of authority list, with its names,
  dates, notes and identifiers, how often the edition mentions it, and a link to every mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="register" on-no-match="shallow-skip" use-accumulators="#all"/>

  <xsl:variable name="ed:mentions" as="map(*)" select="parse-json($mentions-json)"/>

  <xsl:template match="/" mode="register">
    <xsl:variable name="register" select="$ed:registers($register-list)"/>
    <xsl:variable name="entries" select="$authorities//tei:*[local-name() = $register-list]/*[@xml:id]"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$register?title"/>
      <xsl:with-param name="lang" select="(tei:TEI/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="$register?title"/></h1>
        <p class="register-summary">
          <xsl:value-of select="count($entries)"/>
          <xsl:value-of select="if (count($entries) = 1) then ' entry' else ' entries'"/>
          <xsl:text>, in alphabetical order. Each lists every place in the edition that mentions it.</xsl:text>
        </p>
        <xsl:for-each select="$entries">
          <xsl:sort select="lower-case(ed:standard-name(.))" lang="en"/>
          <xsl:apply-templates select="." mode="register"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org | tei:object | tei:event" mode="register">
    <xsl:variable name="names" select="ed:names(.)"/>
    <xsl:variable name="mentions" select="($ed:mentions(string(@xml:id)), [])[1]?*"/>
    <section class="entry" id="{@xml:id}" data-tei="{local-name()}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name">
        <xsl:if test="$names[1]/@xml:lang">
          <xsl:attribute name="lang" select="$names[1]/@xml:lang"/>
        </xsl:if>
        <xsl:value-of select="normalize-space($names[1])"/>
      </h2>
      <xsl:if test="tei:birth | tei:death">
        <p class="life-dates">
          <xsl:value-of select="string-join((tei:birth ! ('born ' || ed:date-label(.)), tei:death ! ('died ' || ed:date-label(.))), '; ')"/>
        </p>
      </xsl:if>
      <xsl:if test="count($names) gt 1">
        <p class="variants">Also: <xsl:value-of select="string-join(subsequence($names, 2) ! normalize-space(.), '; ')"/></p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p class="entry-note"><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:if test="tei:idno">
        <ul class="identifiers">
          <xsl:for-each select="tei:idno">
            <xsl:variable name="href" select="ed:safe-href(.)[matches(., '^https?://')]"/>
            <li>
              <xsl:value-of select="(@type, 'identifier')[1]"/>
              <xsl:text>: </xsl:text>
              <xsl:choose>
                <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="."/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:call-template name="ed:mention-list">
        <xsl:with-param name="mentions" select="$mentions"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- "Mentioned 3 times in 2 documents", then each mention in its words, linked to its place. -->
  <xsl:template name="ed:mention-list">
    <xsl:param name="mentions" as="map(*)*"/>
    <xsl:variable name="pages" select="distinct-values($mentions ! ?url)"/>
    <p class="mention-count">
      <xsl:choose>
        <xsl:when test="empty($mentions)">Not mentioned in the edition’s texts.</xsl:when>
        <xsl:otherwise>
          <xsl:text>Mentioned </xsl:text>
          <xsl:value-of select="if (count($mentions) = 1) then 'once' else count($mentions) || ' times'"/>
          <xsl:value-of select="' on ' || count($pages) || (if (count($pages) = 1) then ' page' else ' pages')"/>
          <xsl:text>:</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:if test="exists($mentions)">
      <ul class="mentions">
        <xsl:for-each-group select="$mentions" group-by="?url">
          <li>
            <a class="mention-source" href="{$path-to-root}{current-grouping-key()}"><xsl:value-of select="current-group()[1]?title"/></a>
            <xsl:if test="current-group()[1]?date">
              <span class="mention-date"><xsl:value-of select="' (' || current-group()[1]?date || ')'"/></span>
            </xsl:if>
            <ul>
              <xsl:for-each select="current-group()">
                <li>
                  <a href="{$path-to-root}{?url}#{?anchor}">
                    <xsl:value-of select="?before"/>
                    <mark><xsl:value-of select="?text"/></mark>
                    <xsl:value-of select="?after"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </li>
        </xsl:for-each-group>
      </ul>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
