<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML edition. Default mode: a document's page. Mode "index": the edition's home page,
  from the edition file (header and introduction) and the list of documents. Mode "register":
  one register page per authority list. Keeps TEI provenance on every rendered element
  (data-tei, data-ref, id from xml:id).
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

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:mode name="index" on-no-match="shallow-skip"/>
  <xsl:mode name="register" on-no-match="shallow-skip"/>

  <!-- ===== A document's page ===== -->

  <xsl:template match="/">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="ed:title($tei)"/>
      <xsl:with-param name="lang" select="($tei/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <article class="document" data-tei="TEI">
          <xsl:call-template name="ed:document-header">
            <xsl:with-param name="tei" select="$tei"/>
          </xsl:call-template>
          <section class="document-text" aria-label="Text">
            <xsl:apply-templates select="$tei/tei:text"/>
          </section>
          <xsl:call-template name="ed:notes">
            <xsl:with-param name="notes" select="$tei/tei:text//tei:note"/>
          </xsl:call-template>
          <xsl:call-template name="ed:document-nav"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:document-header">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="date" select="ed:document-date($tei)"/>
    <header class="document-header">
      <h1><xsl:apply-templates select="ed:heading($tei)"/></h1>
      <dl class="document-meta">
        <xsl:if test="$date">
          <div>
            <dt>Date</dt>
            <dd><xsl:apply-templates select="$date"/></dd>
          </div>
        </xsl:if>
        <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction">
          <div>
            <dt><xsl:value-of select="if (@type = 'sent') then 'Sent from' else if (@type = 'received') then 'Received at' else concat(upper-case(substring(@type, 1, 1)), substring(@type, 2))"/></dt>
            <dd>
              <xsl:for-each select="*">
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:apply-templates select="."/>
              </xsl:for-each>
            </dd>
          </div>
        </xsl:for-each>
        <div>
          <dt>Source</dt>
          <dd><xsl:apply-templates select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/node()"/></dd>
        </div>
        <xsl:if test="$profile/tei:abstract">
          <div>
            <dt>Summary</dt>
            <dd class="summary"><xsl:apply-templates select="$profile/tei:abstract/node()"/></dd>
          </div>
        </xsl:if>
      </dl>
    </header>
  </xsl:template>

  <xsl:template match="tei:bibl">
    <span class="bibl" data-tei="bibl"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:text | tei:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:div">
    <div class="div" data-tei="div">
      <xsl:if test="@type"><xsl:attribute name="data-type" select="@type"/></xsl:if>
      <xsl:apply-templates select="@xml:id, node()"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div/tei:head[not(. is (ancestor::tei:body/tei:div/tei:head)[1])]" priority="3">
    <h2 data-tei="head"><xsl:apply-templates select="@xml:id, node()"/></h2>
  </xsl:template>

  <xsl:template match="tei:list">
    <ul data-tei="list"><xsl:apply-templates/></ul>
  </xsl:template>

  <xsl:template match="@xml:id">
    <xsl:attribute name="id" select="."/>
  </xsl:template>

  <xsl:template match="tei:ref[@target]">
    <xsl:variable name="href" select="ed:safe-href(@target)"/>
    <xsl:choose>
      <xsl:when test="$href"><a href="{$href}" data-tei="ref"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><span data-tei="ref"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Previous and next document by date, and the way back to the list. -->
  <xsl:template name="ed:document-nav">
    <xsl:variable name="ids" select="array:flatten(array:for-each($ed:documents, function($d) { $d?id }))"/>
    <xsl:variable name="i" select="index-of($ids, $document-id)[1]"/>
    <nav class="document-nav" aria-label="Documents">
      <xsl:if test="exists($i) and $i gt 1">
        <xsl:variable name="prev" select="$ed:documents($i - 1)"/>
        <a rel="prev" href="{encode-for-uri($prev?id)}.html"><span class="nav-label">Previous</span> <xsl:value-of select="$prev?title"/></a>
      </xsl:if>
      <a href="../index.html#documents">All documents</a>
      <xsl:if test="exists($i) and $i lt array:size($ed:documents)">
        <xsl:variable name="next" select="$ed:documents($i + 1)"/>
        <a rel="next" href="{encode-for-uri($next?id)}.html"><span class="nav-label">Next</span> <xsl:value-of select="$next?title"/></a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- ===== The contract templates, for HTML ===== -->

  <xsl:template name="ed:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:variable name="element" select="if ($kind = 'item') then 'li' else if ($kind = 'head') then 'h2' else 'p'"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <xsl:apply-templates select="@xml:id"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="ed:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:choose>
      <xsl:when test="$kind = 'date' and @when and string(@when) castable as xs:date">
        <time class="date" data-tei="date" datetime="{@when}" title="{$label}"><xsl:sequence select="$content"/></time>
      </xsl:when>
      <xsl:when test="$kind = ('title')">
        <cite data-tei="title"><xsl:sequence select="$content"/></cite>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$kind}" data-tei="{local-name()}">
          <xsl:if test="$kind = 'date'">
            <xsl:for-each select="@when, @notBefore, @notAfter, @from, @to">
              <xsl:attribute name="data-{lower-case(local-name())}" select="."/>
            </xsl:for-each>
          </xsl:if>
          <xsl:if test="$label">
            <xsl:attribute name="title" select="$label"/>
          </xsl:if>
          <xsl:if test="$kind = 'supplied'">
            <xsl:attribute name="tabindex" select="0"/>
          </xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A mention links to its register entry. HTML links cannot nest, so a mention that contains
    other mentions ("Current Affairs Committee of the Central Military Party Committee") is a
    span whose own words link to its entry and whose inner mentions link to theirs.
  -->
  <xsl:template name="ed:mention">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="nested" select="exists(descendant::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:objectName or self::tei:eventName])"/>
    <xsl:variable name="href" select="if ($entry) then ed:entry-href($entry) else ()"/>
    <xsl:if test="empty($entry)">
      <xsl:message select="concat('[ref-unresolved] ', local-name(), ' points to ', @ref, ', which is no entry of the authority lists')"/>
    </xsl:if>
    <xsl:variable name="attributes" as="attribute()*">
      <xsl:attribute name="class" select="string-join(('mention', concat('mention-', local-name()), if ($entry) then () else 'unresolved'), ' ')"/>
      <xsl:attribute name="data-tei" select="local-name()"/>
      <xsl:attribute name="data-ref" select="@ref"/>
      <xsl:if test="$entry">
        <xsl:attribute name="title" select="ed:standard-name($entry)"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:id"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href and not($nested)">
        <a href="{$href}"><xsl:sequence select="$attributes"/><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:when test="$href">
        <span>
          <xsl:sequence select="$attributes"/>
          <xsl:for-each-group select="node()" group-adjacent="exists(self::*[@ref] | descendant::*[@ref])">
            <xsl:choose>
              <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()"/></xsl:when>
              <xsl:otherwise><a href="{$href}" class="mention-part"><xsl:apply-templates select="current-group()"/></a></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each-group>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:sequence select="$attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:note">
    <xsl:variable name="n" select="count(preceding::tei:note[ancestor::tei:text]) + 1"/>
    <sup class="note-ref" id="note-ref-{$n}"><a href="#note-{$n}" aria-describedby="notes-heading"><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <xsl:template name="ed:notes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <li id="note-{position()}" data-tei="note">
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a href="#note-ref-{position()}" class="note-back" aria-label="Back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== The edition's home page (mode index, from the edition file) ===== -->

  <xsl:template match="/" mode="index">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="''"/>
      <xsl:with-param name="lang" select="($tei/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <header class="edition-header">
          <h1><xsl:value-of select="$ed:edition?title"/></h1>
          <xsl:if test="$ed:edition?subtitle">
            <p class="subtitle"><xsl:value-of select="$ed:edition?subtitle"/></p>
          </xsl:if>
          <p class="responsibility">Edited by <xsl:value-of select="string-join($ed:edition?editors?*, ', ')"/></p>
        </header>
        <xsl:for-each select="$tei/tei:text/tei:body/tei:div">
          <section class="introduction" aria-labelledby="introduction-heading">
            <h2 id="introduction-heading">
              <xsl:apply-templates select="tei:head[1]/node()"/>
              <xsl:if test="empty(tei:head)">Introduction</xsl:if>
            </h2>
            <xsl:apply-templates select="node() except tei:head[1]"/>
          </section>
        </xsl:for-each>
        <section class="documents" id="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading">Documents</h2>
          <ol class="document-list">
            <xsl:for-each select="$ed:documents?*">
              <li>
                <p class="document-date">
                  <xsl:choose>
                    <xsl:when test="?date?when castable as xs:date">
                      <time datetime="{?date?when}"><xsl:value-of select="?date?label"/></time>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="(?date?label, 'Undated')[1]"/></xsl:otherwise>
                  </xsl:choose>
                </p>
                <h3><a href="documents/{encode-for-uri(?id)}.html"><xsl:value-of select="?title"/></a></h3>
                <xsl:if test="?summary">
                  <p class="summary"><xsl:value-of select="?summary"/></p>
                </xsl:if>
                <xsl:if test="?summaryOnly">
                  <p class="status">Known only by its summary; the text is not transcribed.</p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== A register page (mode register, from an authority file) ===== -->

  <xsl:template match="/" mode="register">
    <xsl:variable name="register" select="$ed:registers($register-list)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$register?title"/>
      <xsl:with-param name="lang" select="(tei:TEI/@xml:lang, $ed:edition?language)[1]"/>
      <xsl:with-param name="main" as="node()*">
        <h1><xsl:value-of select="$register?title"/></h1>
        <xsl:for-each select="$authorities//tei:*[local-name() = $register-list]/*[@xml:id]">
          <xsl:sort select="lower-case(ed:standard-name(.))" lang="en"/>
          <xsl:apply-templates select="." mode="register"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org | tei:object | tei:event" mode="register">
    <xsl:variable name="names" select="ed:names(.)"/>
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
    </section>
  </xsl:template>

</xsl:stylesheet>
