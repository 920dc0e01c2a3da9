<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition: a reading text wrapped at $text-width columns, supplied text in
  square brackets, notes as numbered endnotes. Default mode: one document. Mode "index": the
  edition's title block and introduction, which begin edition.txt.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:p="urn:x-editio:prepared"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="wrap.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode name="index" on-no-match="shallow-skip"/>

  <xsl:variable name="ed:newline" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="ed:root(.)"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="date" select="ed:field-date($tei)"/>
    <xsl:call-template name="ed:title-block">
      <xsl:with-param name="title" select="ed:plain(ed:heading($tei))"/>
      <xsl:with-param name="underline" select="'='"/>
    </xsl:call-template>
    <!-- As on the page: dates as the edition writes them, several senders set apart by semicolons, then where and when. -->
    <xsl:if test="$date">
      <xsl:value-of select="ed:field(ed:text('field.date'), ed:date-label($date))"/>
    </xsl:if>
    <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction">
      <xsl:variable name="where-when" select="ed:where-when(., $date) ! (if (self::tei:date) then ed:date-label(.) else ed:plain(node()))"/>
      <xsl:value-of select="ed:field(ed:correspondence-label(@type),
                                     string-join((string-join(ed:parties(.) ! ed:plain(node()), '; '), $where-when)[. != ''], ' · '))"/>
    </xsl:for-each>
    <xsl:for-each select="'sent', 'received'">
      <xsl:variable name="parties" select="ed:marked-parties($tei, .)"/>
      <xsl:if test="exists($parties)">
        <xsl:value-of select="ed:field(ed:correspondence-label(.), string-join($parties ! normalize-space(ed:plain(node())), '; '))"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:value-of select="ed:field-lines(ed:text('field.source'), ed:lines($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/node()))"/>
    <xsl:if test="$profile/tei:abstract">
      <xsl:value-of select="ed:field(ed:text('field.summary'), ed:plain($profile/tei:abstract/node()))"/>
    </xsl:if>
    <xsl:value-of select="$ed:newline"/>
    <xsl:for-each select="ed:texts($tei)">
      <xsl:if test="$tei/self::tei:teiCorpus">
        <xsl:call-template name="ed:title-block">
          <xsl:with-param name="title" select="ed:title(ancestor::tei:TEI[1])"/>
          <xsl:with-param name="underline" select="'-'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
    <xsl:call-template name="ed:endnotes">
      <xsl:with-param name="notes" select="$tei//tei:note[@p:n]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/" mode="index">
    <xsl:call-template name="ed:title-block">
      <xsl:with-param name="title" select="$ed:edition?title"/>
      <xsl:with-param name="underline" select="'#'"/>
    </xsl:call-template>
    <xsl:if test="$ed:edition?subtitle">
      <xsl:value-of select="ed:wrap($ed:edition?subtitle, $text-width, '', '') || $ed:newline"/>
    </xsl:if>
    <xsl:if test="exists($ed:edition?editors?*)">
      <xsl:value-of select="ed:wrap(ed:text('edition.edited-by', map { 'editors': ed:editors() }), $text-width, '', '') || $ed:newline"/>
    </xsl:if>
    <xsl:value-of select="ed:wrap(ed:text('text.licence', map { 'licence': string($ed:edition?licence?name) }), $text-width, '', '') || $ed:newline || $ed:newline"/>
    <xsl:for-each select="tei:TEI/tei:text/tei:body/tei:div">
      <xsl:call-template name="ed:title-block">
        <xsl:with-param name="title" select="if (tei:head) then ed:plain(tei:head[1]/node()) else ed:text('edition.introduction')"/>
        <xsl:with-param name="underline" select="'='"/>
      </xsl:call-template>
      <xsl:apply-templates select="node() except tei:head[1]"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The reading text of some nodes: what the text edition prints for them, on one line. -->
  <xsl:function name="ed:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="rendered" as="node()*">
      <xsl:apply-templates select="$nodes"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(translate(string-join($rendered ! string(.), ''), $ed:kept-line, ' '))"/>
  </xsl:function>

  <!-- The reading text of some nodes as the lines it keeps (a manuscript's fields, each a line), each on one line. -->
  <xsl:function name="ed:lines" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="rendered" as="node()*">
      <xsl:apply-templates select="$nodes">
        <xsl:with-param name="ed:unwrapped" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="tokenize(string-join($rendered ! string(.), ''), $ed:kept-line) ! normalize-space(.)[. != '']"/>
  </xsl:function>

  <!-- "Label: value" of several lines, each wrapped under the first. -->
  <xsl:function name="ed:field-lines" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="lines" as="xs:string*"/>
    <xsl:variable name="prefix" select="ed:text('field.label', map { 'label': $label })"/>
    <xsl:variable name="indent" select="string-join((1 to string-length($prefix)) ! ' ', '')"/>
    <xsl:sequence select="string-join(for $i in 1 to count($lines) return ed:wrap($lines[$i], $text-width, if ($i = 1) then $prefix else $indent, $indent), $ed:newline) || $ed:newline"/>
  </xsl:function>

  <!-- "Label: value", the value wrapped under itself. -->
  <xsl:function name="ed:field" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="prefix" select="ed:text('field.label', map { 'label': $label })"/>
    <xsl:sequence select="ed:wrap($value, $text-width, $prefix, string-join((1 to string-length($prefix)) ! ' ', '')) || $ed:newline"/>
  </xsl:function>

  <xsl:template name="ed:title-block">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="underline" as="xs:string"/>
    <xsl:variable name="lines" select="ed:wrap($title, $text-width, '', '')"/>
    <xsl:variable name="longest" select="max(tokenize($lines, '\n') ! ed:display-width(.))"/>
    <xsl:value-of select="$lines || $ed:newline || string-join((1 to $longest) ! $underline, '') || $ed:newline || $ed:newline"/>
  </xsl:template>

  <!-- The text and its divisions, lists and tables: their content, in order. -->
  <xsl:template match="tei:text | tei:body | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7
                       | tei:list | tei:front | tei:back | tei:group | tei:table">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A table's row as one wrapped line, its cells set apart by a bar. -->
  <xsl:template match="tei:row">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="'p'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:for-each select="tei:cell">
          <xsl:if test="position() gt 1"><xsl:text> | </xsl:text></xsl:if>
          <xsl:apply-templates/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Layout whitespace between blocks is no text. -->
  <xsl:template match="text()[not(normalize-space())][ed:is-container(..) and not(ed:is-block(..))]"/>

  <!--
    A container's children: blocks stay blocks; a run of phrases standing between them (names,
    identifiers, … in a list of persons, say) becomes a wrapped block of its own, its items
    spaced apart.
  -->
  <xsl:template name="ed:container">
    <xsl:for-each-group select="node()" group-adjacent="ed:renders-as-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()"/></xsl:when>
        <!-- (A pointer has no words of its own, but reads as where it points.) -->
        <xsl:when test="normalize-space(string-join(current-group() ! string(.), '')) or current-group()[self::tei:ptr or self::tei:gap]">
          <xsl:call-template name="ed:block">
            <xsl:with-param name="kind" select="'block'"/>
            <xsl:with-param name="content" as="node()*">
              <xsl:for-each select="current-group()">
                <xsl:apply-templates select="."/>
                <xsl:text> </xsl:text>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:function name="ed:renders-as-block" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node instance of element() and (ed:is-block($node) or not(ed:is-phrase($node)))"/>
  </xsl:function>

  <!--
    Between blocks a line or page beginning is no text; within prose, a space (the text is
    wrapped anew). In the parts of a letter whose lines are its layout (a letterhead, an address,
    the opening and closing, verse, an inscription's edition) a line beginning keeps its line: a line separator, which
    ed:block breaks at.
  -->
  <xsl:variable name="ed:kept-line" select="'&#x2028;'"/>

  <xsl:template name="ed:milestone">
    <xsl:choose>
      <xsl:when test="ed:in-block-context(.)"/>
      <xsl:when test="self::tei:lb and ancestor::*[self::tei:opener or self::tei:closer or self::tei:address or self::tei:dateline
                                                   or self::tei:salute or self::tei:signed or self::tei:postscript or self::tei:l
                                                   or self::tei:head or self::tei:byline or self::tei:docTitle or self::tei:titlePart
                                                   or self::tei:div[@type = 'edition']]">
        <xsl:value-of select="$ed:kept-line"/>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date reads as its words: the label the other formats show beside them (ed:date-label) is not worked out here. -->
  <xsl:template match="tei:date">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ===== The contract templates, for plain text ===== -->

  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:param name="ed:unwrapped" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="text" select="string-join($content ! string(.), '')"/>
    <xsl:variable name="shown" select="if ($kind = 'gap') then '[' || normalize-space($text) || ']' else $text"/>
    <!-- A verse line: its number (every fifth) in a margin of its own, a split line's later part set on by the earlier parts' width. -->
    <xsl:variable name="margin" select="if ($kind != 'l') then ''
                                        else if (empty(@p:ln | @p:lead)) then '       '
                                        else ed:pad(ed:line-number(.), 5) || '  ' || (ed:line-lead(.)[. != ''] ! ed:spaces(ed:display-width(.) + 1))"/>
    <xsl:variable name="prefix" select="if ($kind = 'item') then '- ' else $margin"/>
    <xsl:variable name="hanging" select="if ($kind = 'item') then '  ' else if ($kind = 'l') then '         ' else ''"/>
    <xsl:variable name="lines" select="tokenize($shown, $ed:kept-line)[normalize-space()]"/>
    <xsl:choose>
      <!-- Within a field (ed:lines), lines are kept, not wrapped: the field wraps them. -->
      <xsl:when test="$ed:unwrapped"><xsl:value-of select="string-join($lines, $ed:kept-line) || $ed:kept-line"/></xsl:when>
      <!-- Lines of verse, of an address and a speaker's name end with their line; other blocks with a blank line. -->
      <xsl:otherwise>
        <xsl:value-of select="string-join(for $i in 1 to count($lines)
                                          return ed:wrap($lines[$i], $text-width, if ($i = 1) then $prefix else $hanging, $hanging), $ed:newline)
                              || $ed:newline || (if ($kind = ('l', 'line', 'speaker', 'castItem')) then '' else $ed:newline)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A part of a letter set within words ("Ihr <signed>Arthur</signed>" in a closing) begins a line of its own, as on the page. -->
  <xsl:template name="ed:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:if test="$kind = ('signed', 'salute', 'dateline', 'line', 'l', 'field-label', 'msItem', 'msItemStruct')"><xsl:value-of select="$ed:kept-line"/></xsl:if>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A part made of blocks ends with a blank line when its last block (a line of verse, of an address) does not. -->
  <xsl:template name="ed:section">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:call-template name="ed:container"/>
    </xsl:param>
    <xsl:variable name="text" select="string-join($content ! string(.), '')"/>
    <xsl:value-of select="$text"/>
    <xsl:if test="ends-with($text, $ed:newline) and not(ends-with($text, $ed:newline || $ed:newline))">
      <xsl:value-of select="$ed:newline"/>
    </xsl:if>
  </xsl:template>

  <!-- Without italics, a stage direction between speeches is told from speech by brackets. -->
  <xsl:variable name="ed:bracket-stage-blocks" as="xs:boolean" select="true()"/>

  <xsl:function name="ed:spaces" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="string-join((1 to $n) ! ' ', '')"/>
  </xsl:function>

  <xsl:function name="ed:pad" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="ed:spaces(max((0, $width - string-length($s)))) || $s"/>
  </xsl:function>

  <xsl:template name="ed:note">
    <xsl:value-of select="'[' || ed:note-number(.) || ']'"/>
  </xsl:template>

  <xsl:template name="ed:endnotes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:if test="$notes">
      <xsl:value-of select="ed:text('notes.heading') || $ed:newline || string-join((1 to ed:display-width(ed:text('notes.heading'))) ! '-', '') || $ed:newline || $ed:newline"/>
      <xsl:for-each select="$notes">
        <xsl:variable name="prefix" select="'[' || position() || '] '"/>
        <xsl:value-of select="ed:wrap(ed:plain(node()), $text-width, $prefix, string-join((1 to string-length($prefix)) ! ' ', '')) || $ed:newline"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
