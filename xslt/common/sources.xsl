<?xml version="1.0" encoding="UTF-8"?>
<!--
  The source a document is edited from (TEI's header and msdescription modules): a manuscript's
  description as labelled fields (repository, shelfmark, support, extent, hands, …), and a
  printed source as a citation. Bibliographic parts written in running words (a bibl with its
  own punctuation) read as written; written as fields only (biblStruct, biblFull), they are set
  in citation order with the punctuation between them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-editio:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">


  <!--
    A manuscript's description: where it is kept (its country, place, institution and collection
    on one line, its shelfmark on the next), then each part of its physical description and
    history as a field of its own. A description with parts (msPart) or witnesses repeats it.
  -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag | tei:listWit | tei:witness[*] | tei:physDesc | tei:objectDesc | tei:supportDesc
                       | tei:history | tei:additional | tei:msContents[tei:msItem or tei:msItemStruct]">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- A part of a manuscript's description, where the description holds it: a field, labelled; elsewhere, as its own rule says. -->
  <xsl:template match="tei:altIdentifier | tei:msName | tei:objectType | tei:support | tei:extent | tei:foliation | tei:collation | tei:condition
                       | tei:layoutDesc | tei:handDesc | tei:scriptDesc | tei:typeDesc | tei:decoDesc | tei:musicNotation | tei:additions
                       | tei:bindingDesc | tei:sealDesc | tei:accMat | tei:origin | tei:provenance | tei:acquisition | tei:msContents
                       | tei:adminInfo | tei:surrogates" priority="2">
    <xsl:choose>
      <xsl:when test="parent::tei:msDesc or parent::tei:msPart or parent::tei:msFrag or parent::tei:witness or parent::tei:physDesc
                      or parent::tei:objectDesc or parent::tei:supportDesc or parent::tei:history or parent::tei:additional">
        <xsl:call-template name="ed:field">
          <xsl:with-param name="key" select="local-name()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:text-part"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A witness with no parts of its own: its words, a block. -->
  <xsl:template match="tei:witness">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="'part'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Where a manuscript is kept (one line: country, place, institution, repository, collection), then its shelfmarks and name. -->
  <xsl:template match="tei:msIdentifier">
    <xsl:variable name="where" select="* except (tei:idno | tei:altIdentifier | tei:msName)"/>
    <xsl:if test="exists($where)">
      <xsl:call-template name="ed:field">
        <xsl:with-param name="key" select="'repository'"/>
        <xsl:with-param name="content" as="node()*">
          <xsl:for-each select="$where">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="tei:idno | tei:altIdentifier | tei:msName">
      <xsl:call-template name="ed:field">
        <xsl:with-param name="key" select="local-name()"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Where a manuscript is kept: read as written, on its repository's line. -->
  <xsl:template match="tei:repository | tei:institution | tei:collection">
    <xsl:call-template name="ed:inline">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A field: its label, then its words (a field of parts only, such as an extent of measures, its parts set apart by commas). -->
  <xsl:template name="ed:field">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:choose>
        <xsl:when test="ed:is-container(.)"><xsl:call-template name="ed:parts"/></xsl:when>
        <!-- A field that says what it is by attributes only (a hand's medium and script) is read off them. -->
        <xsl:when test="empty(node())"><xsl:value-of select="ed:attribute-words(.)"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:param>
    <xsl:variable name="label" select="ed:text('field.' || $key)"/>
    <xsl:call-template name="ed:block">
      <xsl:with-param name="kind" select="'part'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:call-template name="ed:inline">
          <xsl:with-param name="kind" select="'field-label'"/>
          <xsl:with-param name="content" as="node()*"><xsl:value-of select="ed:text('field.label', map { 'label': $label })"/></xsl:with-param>
        </xsl:call-template>
        <xsl:sequence select="$content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A field's or a phrase's parts written side by side (a place in two languages, its region and country), set apart by commas. -->
  <xsl:template name="ed:parts">
    <xsl:for-each select="*">
      <!-- Paragraphs (a description in two languages), a manuscript's items and parts that end a sentence stand apart without a comma. -->
      <xsl:if test="position() gt 1">
        <xsl:variable name="before" select="preceding-sibling::*[1]"/>
        <xsl:value-of select="if ((., $before)[self::tei:p or self::tei:ab or self::tei:msItem or self::tei:msItemStruct or self::tei:list]
                                  or matches(normalize-space($before), '[.;:!?]$')) then ' ' else ', '"/>
      </xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- Parts of a field that say what they are by attributes only: a measure ("1 sheet"), a hand (its medium and script), a kind of object, dimensions. -->
  <xsl:template match="tei:measure[not(normalize-space())][@quantity or @unit]">
    <xsl:value-of select="string-join((@quantity, @unit), ' ')"/>
  </xsl:template>

  <xsl:template match="tei:handNote[not(normalize-space())] | tei:typeNote[not(normalize-space())] | tei:scriptNote[not(normalize-space())]">
    <xsl:value-of select="ed:attribute-words(.)"/>
  </xsl:template>

  <!-- (Pointers, @corresp and @ana, name records by their ids, which mean nothing to a reader: not read.) -->
  <xsl:function name="ed:attribute-words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join($e/(@medium, @style, @script, @scribe, @type)[normalize-space()] ! normalize-space(.), ', ')"/>
  </xsl:function>

  <!-- Parts of a description or a record written in words: read as written where they stand, a block or a phrase. -->
  <xsl:template match="tei:handNote | tei:typeNote | tei:scriptNote
                       | tei:layout | tei:summary | tei:incident | tei:custEvent
                       | tei:origPlace | tei:origDate | tei:material | tei:watermark | tei:stamp | tei:locus | tei:locusGrp | tei:msItem | tei:msItemStruct
                       | tei:decoNote | tei:binding | tei:seal | tei:recordHist | tei:source | tei:availability | tei:custodialHist">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="local-name()"/>
      <!-- Names only, side by side (an origin's place in its ancient and modern names): one after another, by commas. -->
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="ed:is-container(.) and empty(*[not(ed:is-phrase(.) or self::tei:settlement or self::tei:region or self::tei:country
                                                         or self::tei:district or self::tei:bloc or self::tei:geogName)])">
          <xsl:call-template name="ed:parts"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Dimensions: height × width (× depth), with the unit. -->
  <xsl:template match="tei:dimensions">
    <xsl:value-of select="string-join((tei:height, tei:width, tei:depth) ! normalize-space(.)[. != ''], ' × ') || (@unit ! (' ' || .))"/>
    <xsl:if test="empty(tei:height | tei:width | tei:depth)"><xsl:apply-templates/></xsl:if>
  </xsl:template>

  <!--
    A citation written as fields only (biblStruct, biblFull, a bibl of elements): its authors and
    title, editors, edition, imprint (place: publisher, date), where in it (volume, pages), its
    series, each part once, in that order, with the punctuation between; each part rendered by its
    own rule (a date keeps its anchor, a name its link).
  -->
  <xsl:template match="tei:biblStruct | tei:biblFull | tei:bibl[ed:is-container(.)][every $part in * satisfies ed:is-citation-field($part)] | tei:analytic | tei:monogr | tei:series">
    <xsl:variable name="fields" select="(., tei:titleStmt, tei:editionStmt, tei:publicationStmt, tei:seriesStmt)"/>
    <xsl:variable name="imprint" select="($fields/tei:imprint, .)[1]"/>
    <xsl:variable name="parts" as="element()*">
      <part><xsl:apply-templates select="tei:analytic"/></part>
      <part>
        <xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$fields/tei:author"/></xsl:call-template>
        <xsl:if test="$fields/tei:author and $fields/tei:title">: </xsl:if>
        <xsl:apply-templates select="$fields/tei:title[1]"/>
      </part>
      <part><xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$fields/(tei:editor | tei:respStmt/tei:name | tei:respStmt/tei:persName)"/></xsl:call-template></part>
      <part><xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$fields/tei:edition"/></xsl:call-template></part>
      <part><xsl:apply-templates select="tei:monogr"/></part>
      <part>
        <xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$imprint/tei:pubPlace"/></xsl:call-template>
        <xsl:if test="$imprint/tei:pubPlace and $imprint/tei:publisher">: </xsl:if>
        <xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$imprint/tei:publisher"/></xsl:call-template>
        <xsl:if test="$imprint/(tei:pubPlace | tei:publisher) and $imprint/tei:date">, </xsl:if>
        <xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$imprint/tei:date"/></xsl:call-template>
      </part>
      <part><xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$fields/(tei:biblScope | tei:citedRange) | $imprint/tei:biblScope"/></xsl:call-template></part>
      <part><xsl:for-each select="tei:series">(<xsl:apply-templates select="."/>)</xsl:for-each></part>
      <part><xsl:call-template name="ed:joined"><xsl:with-param name="items" select="$fields/tei:idno[matches(., '^\s*https?://')]"/></xsl:call-template></part>
    </xsl:variable>
    <xsl:variable name="shown" select="$parts[normalize-space()]"/>
    <!-- An entry of a bibliography is a block of its own (one a line); a citation within words, a phrase. -->
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'bibl'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:for-each select="$shown">
          <xsl:if test="position() gt 1"><xsl:text>. </xsl:text></xsl:if>
          <xsl:sequence select="node()"/>
        </xsl:for-each>
        <!-- A part of a citation (its analytic, its monograph) is ended by the citation's punctuation. -->
        <xsl:if test="not(parent::tei:biblStruct) and not(matches(normalize-space($shown[last()]), '[.!?]$'))">.</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A citation in running words, or of parts other than a citation's fields (a pointer to a bibliography and the range cited): its words as written, its parts apart. -->
  <xsl:template match="tei:bibl">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'bibl'"/>
      <xsl:with-param name="content" as="node()*"><xsl:call-template name="ed:spaced-parts"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The parts a citation written as fields is set from (a bibl of other parts, a name or a reference, reads as written). -->
  <xsl:function name="ed:is-citation-field" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:analytic or self::tei:monogr or self::tei:author or self::tei:editor or self::tei:respStmt
                          or self::tei:title or self::tei:edition or self::tei:imprint or self::tei:pubPlace or self::tei:publisher
                          or self::tei:date or self::tei:biblScope or self::tei:citedRange or self::tei:series or self::tei:idno])"/>
  </xsl:function>

  <!-- Some parts of a citation (its authors, its editors), set apart by semicolons: a name may hold a comma. -->
  <xsl:template name="ed:joined">
    <xsl:param name="items" as="element()*"/>
    <xsl:for-each select="$items[normalize-space() or @when]">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- Within a citation written in running words, its parts read as written. -->
  <xsl:template match="tei:author | tei:editor | tei:publisher | tei:pubPlace | tei:biblScope | tei:citedRange | tei:edition | tei:imprint
                       | tei:respStmt | tei:resp | tei:licence | tei:docAuthor | tei:docDate | tei:titlePart | tei:docTitle | tei:titlePage">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The text of a bibliographic list in the text: a list of citations. -->
  <xsl:template match="tei:listBibl">
    <xsl:call-template name="ed:text-part">
      <xsl:with-param name="kind" select="'listBibl'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
