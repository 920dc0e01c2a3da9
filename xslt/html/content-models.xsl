<?xml version="1.0" encoding="UTF-8"?>
<!--
  Mode valid: an output of the HTML layers made valid HTML, as validators, assistive technology
  and an EPUB reader (epubcheck) require, and a browser's error recovery hides: every page's main
  part, each part of the book, each chapter of the e-book go through it. TEI nests freely (a list in a paragraph, a paragraph in a
  quotation inside a note), and the layers render each element where it stands: a block inside
  an element that holds only phrasing becomes a span of the same class, shown as a block; what
  is neither an item nor a script in a list becomes an item of its own; an id given twice (a date
  shown in the fields and in the text) is kept on its first element only.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-editio:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode name="valid" on-no-match="shallow-copy"/>

  <xsl:variable name="ed:phrasing-only" as="xs:string*"
      select="'p', 'span', 'a', 'em', 'strong', 'i', 'b', 'u', 's', 'sup', 'sub', 'small', 'cite', 'q', 'abbr', 'time', 'code', 'mark', 'dfn', 'kbd', 'samp', 'var', 'data', 'bdi', 'bdo', 'label', 'del', 'ins', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'pre', 'caption', 'figcaption', 'summary', 'legend'"/>
  <xsl:variable name="ed:blocks" as="xs:string*"
      select="'p', 'div', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'main', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'figure', 'figcaption', 'pre', 'hr', 'details', 'summary', 'fieldset', 'legend'"/>

  <xsl:key name="ed:by-id" match="*[@id]" use="@id"/>

  <xsl:template match="*[local-name() = $ed:blocks][ancestor::*[local-name() = $ed:phrasing-only]]" mode="valid" priority="2">
    <span class="{normalize-space(string-join((@class, 'as-block'), ' '))}">
      <xsl:apply-templates select="@* except @class, node()" mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template match="(*:ul | *:ol)[not(ancestor::*[local-name() = $ed:phrasing-only])]/*" mode="valid">
    <xsl:choose>
      <xsl:when test="local-name() = ('li', 'script', 'template')"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <li class="list-part"><xsl:next-match/></li>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link within a link (a note's call in a name that links to its entry): the inner link's words, the outer link leading on. -->
  <xsl:template match="*:a[ancestor::*:a]" mode="valid">
    <span>
      <xsl:apply-templates select="@* except (@href, @rel, @target, @hreflang, @download, @ping, @referrerpolicy, @role), node()" mode="#current"/>
    </span>
  </xsl:template>

  <!-- A named section is a landmark, whose name must be its own: one that shares its name with others (two letters of one title, two works of one name) is numbered. -->
  <xsl:key name="ed:landmarks" match="*:section[@aria-label or @aria-labelledby]" use="ed:landmark-name(.)"/>

  <xsl:function name="ed:landmark-name" as="xs:string">
    <xsl:param name="section" as="element()"/>
    <xsl:sequence select="normalize-space(($section/@aria-label, string-join(tokenize($section/@aria-labelledby) ! key('ed:by-id', ., root($section))[1], ' '))[1])"/>
  </xsl:function>

  <xsl:template match="*:section[@aria-label or @aria-labelledby]" mode="valid">
    <xsl:variable name="name" select="ed:landmark-name(.)"/>
    <xsl:variable name="same" select="key('ed:landmarks', $name, root(.))"/>
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="count($same) gt 1">
          <xsl:apply-templates select="@* except (@aria-label, @aria-labelledby)" mode="#current"/>
          <xsl:attribute name="aria-label" select="$name || ' (' || (count($same[. &lt;&lt; current()]) + 1) || ')'"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="@*" mode="#current"/></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()" mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <!-- Whitespace between the items of a list, which a list may not hold as text. -->
  <xsl:template match="*:ul/text()[not(normalize-space())] | *:ol/text()[not(normalize-space())]" mode="valid"/>

  <xsl:template match="@id[not(key('ed:by-id', ., root(.))[1] is ..)]" mode="valid"/>

</xsl:stylesheet>
