<?xml version="1.0" encoding="UTF-8"?>
<!--
  Cross-references (TEI's ref and ptr, core and linking modules). A pointer leads to a part of
  the text itself (#id), to another of the edition's texts (by its xml:id or file name: its page),
  to a web address, or to an edition's own id that its @type and a prefixDef (or the
  configuration's prefixes) turn into one (src/families/references.ts works out which);
  failing those, to the register page of an entry it names (src/transform/mentions.ts).
  Several pointers (target="#a #b") are each followed. A pointer that leads nowhere is no link:
  its words are shown, and a ref with no words reads as where it points (a document's title, a
  date in words, the id as written) — never an empty or a dead link.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:references" as="map(*)" select="parse-json($references-json)"/>

  <xsl:key name="ed:xml-id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- A cross-reference: a link where it leads somewhere, its words (or where it points) where it does not. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="ref" select="."/>
    <xsl:variable name="leads" as="map(*)*" select="tokenize(normalize-space(@target), ' ') ! ed:reference(., $ref)"/>
    <!-- An entry of the registers the target names (its page and name, found when the source was prepared), where no pointer leads elsewhere. -->
    <xsl:variable name="entry" as="map(*)?" select="@p:href ! map { 'href': $path-to-root || ., 'words': string($ref/@p:title) }"/>
    <xsl:variable name="linked" as="map(*)?" select="($leads[?href != ''], $entry)[1]"/>
    <xsl:call-template name="ed:link">
      <xsl:with-param name="href" select="$linked?href"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="normalize-space() or *"><xsl:apply-templates/></xsl:when>
          <xsl:when test="exists($linked)"><xsl:value-of select="$linked?words"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="string-join(ed:each-once($leads ! ?words[. != '']), '; ')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Where one pointer leads (href, or none) and what it reads as (words). -->
  <xsl:function name="ed:reference" as="map(*)">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="here" select="if (starts-with($target, '#')) then key('ed:xml-id', substring($target, 2), root($ref))[1] else ()"/>
    <xsl:variable name="resolved" select="$ed:references(string($ref/@type) || '|' || $target)"/>
    <xsl:sequence select="
        if (exists($here) and $here/@p:n) then map { 'href': '#note-' || $here/@p:n, 'words': string($here/@p:n) }
        else if (exists($here)) then map { 'href': '#' || ed:anchor($here), 'words': (normalize-space($here)[. != ''] ! (if (string-length(.) gt 60) then substring(., 1, 59) || '…' else .), substring($target, 2))[1] }
        else if (exists($resolved)) then map { 'href': $resolved?href, 'words': ($resolved?words[. != ''], ed:target-words($target))[1] }
        else if (ed:safe-href($target) and matches($target, '^https?://', 'i')) then map { 'href': $target, 'words': $target }
        else map { 'words': ed:target-words($target) }"/>
  </xsl:function>

  <!-- A pointer as words: a date in words ("10 December 1888"), else as written, without its '#'. -->
  <xsl:function name="ed:target-words" as="xs:string">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="bare" select="replace($target, '^#', '')"/>
    <xsl:sequence select="if (matches($bare, '^\d{4}(-\d{2}(-\d{2})?)?$')) then ed:format-iso-date($bare) else $bare"/>
  </xsl:function>

  <!-- A link (when $href is given) around some words: by default, the words. -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

</xsl:stylesheet>
