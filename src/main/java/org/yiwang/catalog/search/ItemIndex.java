package org.yiwang.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.yiwang.catalog.Audience;
import org.yiwang.catalog.ItemContent;
import org.yiwang.catalog.Material;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.SearchHit;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.catalog.SearchResult;
import org.yiwang.catalog.Theme;
import org.yiwang.department.Department;

/**
 * The Lucene index of the published items, in memory. Text fields are segmented with {@link SmartChineseAnalyzer};
 * name and keywords are also indexed as whole values and as pinyin. The list data of each hit is kept beside the
 * index, so a search reads only the item code from Lucene. Thread-safe; changes become visible on {@link #refresh()}.
 */
final class ItemIndex implements Closeable {

    private static final String CODE = "code";
    private static final String NAME = "name";
    private static final String NAME_EXACT = "name_exact";
    private static final String KEYWORDS = "keywords";
    private static final String KEYWORD_EXACT = "keyword_exact";
    private static final String MATERIALS = "materials";
    private static final String DEPARTMENT_NAME = "department_name";
    private static final String CONDITIONS = "conditions";
    private static final String PINYIN_NAME = "py_name";
    private static final String PINYIN_NAME_INITIALS = "py_name_initials";
    private static final String PINYIN_KEYWORD = "py_keyword";
    private static final String PINYIN_KEYWORD_INITIALS = "py_keyword_initials";
    private static final String AUDIENCE = "audience";
    private static final String THEME = "theme";
    private static final String DEPARTMENT = "department";
    private static final String REGION = "region";
    private static final String DEPTH = "depth";
    private static final String SORT_NAME = "sort_name";

    /** Field weights of a word match; a whole-name or whole-keyword match counts most. */
    private static final Map<String, Float> WORD_FIELDS = Map.of(
            NAME, 5f, KEYWORDS, 3f, DEPARTMENT_NAME, 1.5f, MATERIALS, 1f, CONDITIONS, 0.5f);
    private static final Sort BY_NAME = new Sort(new SortField(SORT_NAME, SortField.Type.STRING));
    private static final int MAX_PARSED_TEXTS = 10_000;
    private static final int MAX_CACHED_RESULTS = 20_000;
    /** Share of the query's words an item must contain, rounded up, when the query has more than three words. */
    private static final double MINIMUM_WORD_SHARE = 0.75;

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final QueryBuilder queryBuilder = new QueryBuilder(analyzer);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, SearchHit> hits = new ConcurrentHashMap<>();
    /** Parsed texts: people search for the same words again and again, and analysing them is the costly part. */
    private final Map<String, ParsedText> parsedTexts = new ConcurrentHashMap<>();

    /**
     * Answers of recent searches, valid for one generation of the index: the same few hundred searches make up most
     * of a portal's traffic, and any change to the index starts a new generation.
     */
    private final Map<SearchQuery, CachedResult> results = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record ParsedText(Query query, List<String> words) {
    }

    private record CachedResult(long generation, SearchResult result) {
    }

    ItemIndex() {
        try {
            var config = new IndexWriterConfig(analyzer)
                    .setIndexSort(BY_NAME)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            writer = new IndexWriter(new ByteBuffersDirectory(), config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the item, or replaces the version indexed before. */
    void put(PublishedItem item, @Nullable Department department) {
        ItemContent c = item.content();
        String departmentName = department == null ? "" : department.name();
        hits.put(item.code(), new SearchHit(item.code(), c.name(), "", c.departmentCode(), departmentName,
                Set.copyOf(c.audiences()), Set.copyOf(c.themes()), c.onlineDepth(), c.promisedLimit().label(),
                c.onSiteVisits()));
        try {
            writer.updateDocument(new Term(CODE, item.code()), document(item.code(), c, department));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String code) {
        try {
            writer.deleteDocuments(new Term(CODE, code));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hits.remove(code);
    }

    /** Merges the segments written by parallel indexing into one: every term lookup then touches one segment. */
    void compact() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generation.incrementAndGet();
    }

    int size() {
        return hits.size();
    }

    private Document document(String code, ItemContent c, @Nullable Department department) {
        var doc = new Document();
        doc.add(new StringField(CODE, code, Field.Store.YES));
        doc.add(new TextField(NAME, c.name(), Field.Store.NO));
        doc.add(new StringField(NAME_EXACT, c.name(), Field.Store.NO));
        Pinyin.Variants namePinyin = Pinyin.of(c.name());
        addAll(doc, PINYIN_NAME, namePinyin.full());
        addAll(doc, PINYIN_NAME_INITIALS, namePinyin.initials());
        doc.add(new SortedDocValuesField(SORT_NAME,
                new BytesRef(namePinyin.full().stream().findFirst().orElse("") + '\u0000' + c.name())));
        for (String keyword : c.keywords()) {
            doc.add(new TextField(KEYWORDS, keyword, Field.Store.NO));
            doc.add(new StringField(KEYWORD_EXACT, keyword, Field.Store.NO));
            Pinyin.Variants keywordPinyin = Pinyin.of(keyword);
            addAll(doc, PINYIN_KEYWORD, keywordPinyin.full());
            addAll(doc, PINYIN_KEYWORD_INITIALS, keywordPinyin.initials());
        }
        for (Material m : c.materials()) {
            doc.add(new TextField(MATERIALS, m.name(), Field.Store.NO));
        }
        doc.add(new TextField(CONDITIONS, c.acceptanceConditions(), Field.Store.NO));
        doc.add(new TextField(CONDITIONS, c.legalBasis(), Field.Store.NO));
        for (Audience a : c.audiences()) {
            doc.add(new StringField(AUDIENCE, a.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(AUDIENCE, new BytesRef(a.name())));
        }
        for (Theme t : c.themes()) {
            doc.add(new StringField(THEME, t.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(THEME, new BytesRef(t.name())));
        }
        doc.add(new StringField(DEPARTMENT, c.departmentCode(), Field.Store.NO));
        String region = department != null ? department.regionCode().value()
                : c.departmentCode().length() == 18 ? c.departmentCode().substring(2, 8) : "";
        for (int length : new int[] {2, 4, 6, 9, 12}) {
            if (region.length() >= length) {
                doc.add(new StringField(REGION, region.substring(0, length), Field.Store.NO));
            }
        }
        if (department != null) {
            doc.add(new TextField(DEPARTMENT_NAME, department.name(), Field.Store.NO));
        }
        doc.add(new IntPoint(DEPTH, c.onlineDepth().level()));
        return doc;
    }

    private static void addAll(Document doc, String field, Collection<String> values) {
        for (String v : values) {
            doc.add(new StringField(field, v, Field.Store.NO));
        }
    }

    SearchResult search(SearchQuery q) {
        long current = generation.get();
        CachedResult cached = results.get(q);
        if (cached != null && cached.generation() == current) {
            return cached.result();
        }
        SearchResult result = execute(q);
        if (results.size() >= MAX_CACHED_RESULTS) {
            results.clear();
        }
        results.put(q, new CachedResult(current, result));
        return result;
    }

    private SearchResult execute(SearchQuery q) {
        ParsedText text = q.text() == null ? null : parse(q.text());
        Query query = query(q, text);
        int window = (q.page() + 1) * q.size();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = q.text() == null ? searcher.search(query, window, BY_NAME) : searcher.search(query, window);
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
                        : searcher.count(query);
                List<String> words = text == null ? List.of() : text.words();
                StoredFields stored = searcher.storedFields();
                List<SearchHit> page = new ArrayList<>(q.size());
                for (int i = q.page() * q.size(); i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    SearchHit hit = hits.get(stored.document(sd.doc, Set.of(CODE)).get(CODE));
                    if (hit != null) {
                        page.add(withHighlight(hit, q.text(), words));
                    }
                }
                SearchResult.Facets facets = q.facets() ? searcher.search(query, new FacetCounter()) : null;
                return new SearchResult(page, total, q.page(), q.size(), facets);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedText parse(String text) {
        ParsedText parsed = parsedTexts.get(text);
        if (parsed == null) {
            if (parsedTexts.size() >= MAX_PARSED_TEXTS) {
                parsedTexts.clear();
            }
            List<String> words = words(text);
            parsed = new ParsedText(textQuery(text, words), words);
            parsedTexts.put(text, parsed);
        }
        return parsed;
    }

    private Query query(SearchQuery q, @Nullable ParsedText text) {
        var query = new BooleanQuery.Builder();
        query.add(text == null ? new MatchAllDocsQuery() : text.query(), Occur.MUST);
        if (q.audience() != null) {
            query.add(new TermQuery(new Term(AUDIENCE, q.audience().name())), Occur.FILTER);
        }
        if (q.theme() != null) {
            query.add(new TermQuery(new Term(THEME, q.theme().name())), Occur.FILTER);
        }
        if (q.department() != null) {
            query.add(new TermQuery(new Term(DEPARTMENT, q.department().value())), Occur.FILTER);
        }
        if (q.region() != null) {
            query.add(new TermQuery(new Term(REGION, q.region().value())), Occur.FILTER);
        }
        if (q.minDepth() != null) {
            query.add(IntPoint.newRangeQuery(DEPTH, q.minDepth().level(), Integer.MAX_VALUE), Occur.FILTER);
        }
        return query.build();
    }

    /**
     * Words: each counts in the field where it matches best; up to three words must all match, of longer queries
     * three quarters; a phrase or whole
     * match of the name or a keyword ranks higher. Typed pinyin matches the pinyin of names and keywords.
     */
    private Query textQuery(String text, List<String> words) {
        var any = new BooleanQuery.Builder();
        if (!words.isEmpty()) {
            var allWords = new BooleanQuery.Builder();
            for (String word : words) {
                List<Query> perField = new ArrayList<>();
                WORD_FIELDS.forEach((field, boost) -> perField.add(boosted(new TermQuery(new Term(field, word)), boost)));
                allWords.add(new DisjunctionMaxQuery(perField, 0.1f), Occur.SHOULD);
            }
            allWords.setMinimumNumberShouldMatch(
                    words.size() <= 3 ? words.size() : (int) Math.ceil(words.size() * MINIMUM_WORD_SHARE));
            var scored = new BooleanQuery.Builder().add(allWords.build(), Occur.MUST);
            Query phrase = queryBuilder.createPhraseQuery(NAME, text);
            if (phrase != null && words.size() > 1) {
                scored.add(boosted(phrase, 5f), Occur.SHOULD);
            }
            scored.add(boosted(new TermQuery(new Term(NAME_EXACT, text)), 20f), Occur.SHOULD);
            scored.add(boosted(new TermQuery(new Term(KEYWORD_EXACT, text)), 10f), Occur.SHOULD);
            any.add(scored.build(), Occur.SHOULD);
        }
        if (Pinyin.looksLikePinyin(text)) {
            any.add(pinyinQuery(Pinyin.normalise(text)), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query pinyinQuery(String typed) {
        var q = new BooleanQuery.Builder()
                .add(boosted(new TermQuery(new Term(PINYIN_NAME, typed)), 30f), Occur.SHOULD)
                .add(boosted(new TermQuery(new Term(PINYIN_NAME_INITIALS, typed)), 25f), Occur.SHOULD)
                .add(boosted(new TermQuery(new Term(PINYIN_KEYWORD, typed)), 20f), Occur.SHOULD)
                .add(boosted(new TermQuery(new Term(PINYIN_KEYWORD_INITIALS, typed)), 15f), Occur.SHOULD);
        if (typed.length() >= 2) {
            q.add(boosted(new PrefixQuery(new Term(PINYIN_NAME, typed)), 8f), Occur.SHOULD)
                    .add(boosted(new PrefixQuery(new Term(PINYIN_KEYWORD, typed)), 6f), Occur.SHOULD)
                    .add(boosted(new PrefixQuery(new Term(PINYIN_NAME_INITIALS, typed)), 4f), Occur.SHOULD)
                    .add(boosted(new PrefixQuery(new Term(PINYIN_KEYWORD_INITIALS, typed)), 3f), Occur.SHOULD);
        }
        return q.build();
    }

    private static Query boosted(Query q, float boost) {
        return new BoostQuery(q, boost);
    }

    /** The distinct words of a text, as the analyzer segments it. */
    private List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(NAME, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }

    /** Marks the query text, or else its words, in the name. */
    private static SearchHit withHighlight(SearchHit hit, @Nullable String text, List<String> words) {
        String name = hit.name();
        boolean[] marked = new boolean[name.length()];
        if (text != null) {
            List<String> needles = new ArrayList<>(words);
            needles.add(text);
            needles.sort(Comparator.comparingInt(String::length).reversed());
            for (String needle : needles) {
                for (int at = name.indexOf(needle); at >= 0 && !needle.isEmpty(); at = name.indexOf(needle, at + 1)) {
                    for (int i = at; i < at + needle.length(); i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        var html = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                html.append("<em>");
            }
            char c = name.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
            if (marked[i] && (i == name.length() - 1 || !marked[i + 1])) {
                html.append("</em>");
            }
        }
        return new SearchHit(hit.code(), name, html.toString(), hit.departmentCode(), hit.departmentName(),
                hit.audiences(), hit.themes(), hit.onlineDepth(), hit.promisedLimit(), hit.onSiteVisits());
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }

    /** Counts the matches per audience and theme from their doc values. */
    private static final class FacetCounter implements CollectorManager<FacetCounter.Counts, SearchResult.Facets> {

        @Override
        public Counts newCollector() {
            return new Counts();
        }

        @Override
        public SearchResult.Facets reduce(Collection<Counts> collectors) {
            Map<Audience, Long> audiences = new EnumMap<>(Audience.class);
            Map<Theme, Long> themes = new EnumMap<>(Theme.class);
            for (Counts c : collectors) {
                for (Audience a : Audience.values()) {
                    if (c.audiences[a.ordinal()] > 0) {
                        audiences.merge(a, c.audiences[a.ordinal()], Long::sum);
                    }
                }
                for (Theme t : Theme.values()) {
                    if (c.themes[t.ordinal()] > 0) {
                        themes.merge(t, c.themes[t.ordinal()], Long::sum);
                    }
                }
            }
            return new SearchResult.Facets(audiences, themes);
        }

        static final class Counts implements Collector {
            final long[] audiences = new long[Audience.values().length];
            final long[] themes = new long[Theme.values().length];

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                SortedSetDocValues audienceValues = context.reader().getSortedSetDocValues(AUDIENCE);
                SortedSetDocValues themeValues = context.reader().getSortedSetDocValues(THEME);
                int[] audienceOrds = ordinals(audienceValues, Audience.values());
                int[] themeOrds = ordinals(themeValues, Theme.values());
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        count(audienceValues, audienceOrds, audiences, doc);
                        count(themeValues, themeOrds, themes, doc);
                    }
                };
            }

            private static int[] ordinals(@Nullable SortedSetDocValues values, Enum<?>[] constants) throws IOException {
                if (values == null) {
                    return new int[0];
                }
                int[] ords = new int[(int) values.getValueCount()];
                for (int ord = 0; ord < ords.length; ord++) {
                    String name = values.lookupOrd(ord).utf8ToString();
                    ords[ord] = -1;
                    for (Enum<?> e : constants) {
                        if (e.name().equals(name)) {
                            ords[ord] = e.ordinal();
                        }
                    }
                }
                return ords;
            }

            private static void count(@Nullable SortedSetDocValues values, int[] ords, long[] counts, int doc)
                    throws IOException {
                if (values != null && values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        int ordinal = ords[(int) values.nextOrd()];
                        if (ordinal >= 0) {
                            counts[ordinal]++;
                        }
                    }
                }
            }
        }
    }
}
