/* Optional compiled helper of sorani.morphology: the noun search, the same results as the
 * pure-Python path (morphology._noun_analyses_py), faster.
 *
 * set_noun_tables(tables) -> None
 *   Keeps ``tables``, the tuple (entries_of, keys_of, tails, agent, max_chain) that
 *   morphology._compiled_noun_analyses() builds: ``entries_of`` = morphology._noun_entries(), ``keys_of`` =
 *   morphology._noun_keys(), ``tails`` = the frozenset morphology._tails("noun"), ``agent`` a
 *   callable (w, stem, weak) -> the activity-noun candidate or None (rare: Python builds it),
 *   ``max_chain`` = MAX_NOUN_CHAIN. The candidates are the tuples the Python loop makes, in the
 *   same order, with the same float arithmetic (IEEE doubles, same operation order). An optional
 *   sixth item (verb_stems, nouns) of the lexicon makes the search test agent nouns itself
 *   (morphology._agent_noun) rather than call ``agent``.
 *
 * noun_analyses(w, lex=None) -> list of candidates
 *   The candidates of the folded word ``w`` (``lex`` is ignored: the signature of the Python
 *   function it replaces). RuntimeError before set_noun_tables.
 *
 * set_verb_tables(tables) -> None
 *   Keeps (suf_tails, suf_index, stem_tails, stem_index, strong, any_hit) of
 *   morphology._compiled_verb_hits(): the verb suffix chain ends (at most 14 letters) and the endings
 *   of verb stems (frozensets, each closed under taking endings), their indexes (dicts), the
 *   strong prefix chains (tuple of str) and the regex ``match`` over the reversed word.
 *
 * verb_hits(w) -> list of (stem start, stem end, suffix entries, stem entries)
 *   morphology._verb_hits_py(w), computed without regexes. ``any_hit`` is not asked: it is the
 *   Python path's cheap first test, and it matches whenever a hit exists (its pattern is a suffix
 *   chain, then a verb stem, a one-letter one other than ب after a strong prefix: what a hit is).
 *
 * set_verb_analysis_tables(tables) -> None
 *   Keeps the 13 tables of morphology._compiled_verb_analyses(): verb_rank, compounds (dicts),
 *   the affix preverbs, light verbs and short light heads (frozensets), the lexicon's nouns, verb
 *   stems and causatives, the _FEATS memo (dicts), the _OPEN_PVB class, the _VERB_HEADS memo
 *   (dict, filled as _verb_head_splits does), _verb_prefix_flags() (dict), _verb_prefix_tails()
 *   and the lexicon's preverbs (frozensets), and VOWELS.
 *
 * verb_analyses(w, lex=None) -> list of candidates
 *   morphology._verb_analyses_py(w, lex): the verb search (verb_hits), then every prefix split of
 *   the part before the stem, every stem entry, every prefix chain and the cheapest valid suffix
 *   chain, the candidates as _make builds them (same float operations in the same order).
 *   RuntimeError before both set_verb_tables and set_verb_analysis_tables.
 *
 * set_compound_tables((verb_stems, no_suffix_pos)) -> None; compound(w, lex=None) -> candidates
 *   morphology._compound_py(w, lex): the compound heads (set_heads) of w, the noun analyses of the
 *   rest (noun_analyses), and the agent nouns X + present stem (+ ی).
 *
 * set_light_tables(tables) -> None; light_analyses(w, lex=None) -> candidates
 *   morphology._light_analyses_py(w, lex): a lexicon noun + a light verb's nominal form, then a
 *   nominal suffix chain (the noun keys of set_noun_tables, the ends of set_light_ends).
 *
 * readable_variants(w, which) -> [(respelling, its noun analyses)]
 *   morphology._readable_variants_py(w, which): the respellings of w (which 0: _variants, 1:
 *   _w_variants) with some reading (noun analyses, a light verb end, a verb hit, a proclitic).
 *   Needs set_noun_tables, set_verb_tables and set_light_ends.
 *
 * set_guess_tables((memo, keys_fn)) -> None; guess(w) -> candidate
 *   morphology._guess_py(w): the longest nominal suffix chain with an unambiguous morpheme that
 *   leaves at least three letters (the chains of an end from the memo _GUESS_KEYS, filled by
 *   keys_fn = _guess_keys), else X + ezafe after a vowel, else the word itself; marked a guess.
 *
 * word_lemmas(text, cache, table) -> (out, missing)
 *   The words of ``text`` as morphology._word_re().findall finds them (``table``: bytes of
 *   0x10000 flags, bit 1 a code point that starts a word, bit 2 one that continues it; code points
 *   above the BMP do neither), each replaced by ``cache[word]`` where the dict ``cache`` has it;
 *   ``missing`` lists the positions in ``out`` of the words it lacks (left as the word).
 *   One pass, linear in the length of the text.
 *
 * The work is linear in the length of the word: at most ``max_chain`` substrings are looked up.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MORPH_C_VERSION 15

static PyObject *str_cls[5];   /* "C" "V" "E" "I" "U" */
static PyObject *str_noun;     /* "NOUN" */
static PyObject *str_empty;    /* "" */
static PyObject *str_yy;       /* "یی" */
static PyObject *noun_tables;  /* set_noun_tables */
static PyObject *s_prs, *s_pst, *s_pstv, *s_ipfv, *s_sbjv, *s_neg, *s_arg, *s_ind, *s_pvb, *s_verb,
                *s_buun, *s_dan, *s_da, *s_caus, *s_vptcp, *s_vmsdr;

static PyObject *verb_tables;  /* set_verb_tables */

/* Sorani letters used by the search */
#define L_E 0x06D5      /* ە */
#define L_Y 0x06CC      /* ی */
#define L_W 0x0648      /* و */
#define L_A 0x0627      /* ا */
#define L_O 0x06C6      /* ۆ */
#define L_EE 0x06CE     /* ێ */
#define L_K 0x06A9      /* ک */
#define L_WW 0x06CA     /* ۊ */
#define L_R 0x0631      /* ر */

/* morphology._stem_cls as an index into the interned class names: 0 consonant (also و after a
   vowel letter: ناو، شەو), 1 vowel ا ۆ ێ ۊ, 2 ە, 3 ی, 4 the vowel و (خانوو). */
static inline int
stem_end_class(Py_UCS4 last, Py_UCS4 prev)
{
    if (last == L_W && (prev == L_A || prev == L_E || prev == L_O || prev == L_EE || prev == L_Y))
        return 0;
    if (last == L_E)
        return 2;
    if (last == L_Y)
        return 3;
    if (last == L_W)
        return 4;
    if (last == L_A || last == L_O || last == L_EE || last == L_WW)
        return 1;
    return 0;
}

/* A trie of the reversed keys of a dict whose keys are closed under taking endings: walking a
 * word backwards from a position gives its longest end among the keys, and that key's value,
 * without making substrings. Nodes are numbered; child (node, letter) is found in an
 * open-addressing hash table. */
typedef struct {
    uint64_t *keys;       /* (parent << 21 | letter) + 1, 0 = empty slot */
    int32_t *child;       /* node numbers (fewer than 2**31: checked) */
    size_t mask;
    PyObject **values;    /* per node: the dict's value (a strong reference) or NULL */
    Py_ssize_t nnodes;
} Trie;

static void
trie_free(Trie *t)
{
    if (t->values != NULL) {
        for (Py_ssize_t i = 0; i < t->nnodes; i++)
            Py_XDECREF(t->values[i]);
    }
    PyMem_Free(t->keys);
    PyMem_Free(t->child);
    PyMem_Free(t->values);
    memset(t, 0, sizeof(*t));
}

static inline size_t
trie_slot(const Trie *t, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ULL;
    size_t i = (size_t)(h >> 20) & t->mask;
    while (t->keys[i] != 0 && t->keys[i] != key)
        i = (i + 1) & t->mask;
    return i;
}

static inline Py_ssize_t
trie_child(const Trie *t, Py_ssize_t node, Py_UCS4 c)
{
    uint64_t key = (((uint64_t)node << 21) | c) + 1;
    size_t i = trie_slot(t, key);
    return t->keys[i] == 0 ? -1 : t->child[i];
}

/* builds ``t`` from ``dict`` (str keys); 0 on success, -1 with an exception */
static int
trie_build(Trie *t, PyObject *dict)
{
    Trie nt = {0};
    Py_ssize_t total = 1, pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        if (!PyUnicode_Check(k)) {
            PyErr_SetString(PyExc_TypeError, "trie keys must be str");
            return -1;
        }
        total += PyUnicode_GET_LENGTH(k);
    }
    if (total >= INT32_MAX / 2) {
        PyErr_SetString(PyExc_OverflowError, "trie: too many keys");
        return -1;
    }
    size_t cap = 16;
    while (cap < (size_t)total + (size_t)total / 3)  /* at most 3/4 full */
        cap <<= 1;
    nt.mask = cap - 1;
    nt.keys = PyMem_Calloc(cap, sizeof(uint64_t));
    nt.child = PyMem_Calloc(cap, sizeof(int32_t));
    nt.values = PyMem_Calloc((size_t)total, sizeof(PyObject *));
    if (nt.keys == NULL || nt.child == NULL || nt.values == NULL) {
        trie_free(&nt);
        PyErr_NoMemory();
        return -1;
    }
    nt.nnodes = 1;
    pos = 0;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(k), node = 0;
        int kind = PyUnicode_KIND(k);
        const void *data = PyUnicode_DATA(k);
        for (Py_ssize_t i = len - 1; i >= 0; i--) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            uint64_t key = (((uint64_t)node << 21) | c) + 1;
            size_t slot = trie_slot(&nt, key);
            if (nt.keys[slot] == 0) {
                nt.keys[slot] = key;
                nt.child[slot] = (int32_t)nt.nnodes++;
            }
            node = nt.child[slot];
        }
        Py_INCREF(v);
        Py_XSETREF(nt.values[node], v);
    }
    trie_free(t);
    *t = nt;
    return 0;
}

/* the longest end of w[0:e] (at most ``limit`` letters) that is a key: its length, and in *value
 * that key's value (borrowed; NULL when the walk stops at a node that is no key) */
static inline Py_ssize_t
trie_walk(const Trie *t, int kind, const void *data, Py_ssize_t e, Py_ssize_t limit, PyObject **value)
{
    Py_ssize_t node = 0, j = 0;
    while (j < limit && j < e) {
        Py_ssize_t next = trie_child(t, node, PyUnicode_READ(kind, data, e - j - 1));
        if (next < 0)
            break;
        node = next;
        j++;
    }
    *value = t->values[node];
    return j;
}

/* some key (not the empty one) is an end of w[0:e] */
static inline int
trie_any_end(const Trie *t, int kind, const void *data, Py_ssize_t e)
{
    Py_ssize_t node = 0;
    for (Py_ssize_t j = 0; j < e; j++) {
        node = trie_child(t, node, PyUnicode_READ(kind, data, e - j - 1));
        if (node < 0)
            return 0;
        if (t->values[node] != NULL)
            return 1;
    }
    return 0;
}

static Trie trie_noun, trie_suf, trie_stem, trie_strong;

static int
append_steal(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* (score, lemma, pos_out, feats, (), stem, seg, False) */
static PyObject *
make_cand(double score, PyObject *lemma, PyObject *pos, PyObject *feats, PyObject *stem, PyObject *seg)
{
    PyObject *t = PyTuple_New(8);
    if (t == NULL)
        return NULL;
    PyObject *s = PyFloat_FromDouble(score);
    if (s == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        Py_DECREF(s);
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, s);
    Py_INCREF(lemma);
    PyTuple_SET_ITEM(t, 1, lemma);
    Py_INCREF(pos);
    PyTuple_SET_ITEM(t, 2, pos);
    Py_INCREF(feats);
    PyTuple_SET_ITEM(t, 3, feats);
    PyTuple_SET_ITEM(t, 4, empty);
    Py_INCREF(stem);
    PyTuple_SET_ITEM(t, 5, stem);
    Py_INCREF(seg);
    PyTuple_SET_ITEM(t, 6, seg);
    Py_INCREF(Py_False);
    PyTuple_SET_ITEM(t, 7, Py_False);
    return t;
}

static int
tuple_len_at_least(PyObject *t, Py_ssize_t n)
{
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) < n) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed table entry");
        return 0;
    }
    return 1;
}

static int
get_double(PyObject *o, double *out)
{
    *out = PyFloat_AsDouble(o);
    return !(*out == -1.0 && PyErr_Occurred());
}

static PyObject *noun_search(PyObject *w, PyObject *tables);

/* A Bloom filter of the forms of entries_of (the stems noun_search looks up): a stem it does not
 * hold is no key, so the search skips it without making the substring. Hashes of code points,
 * computed for every beginning of the word at once; no false negatives, so the results are
 * those of the lookups. Built by set_noun_tables when every key is an exact str (else unused). */
#define BLOOM_BITS ((uint64_t)1 << 21)
#define BLOOM_MAX_WORD 256  /* longer words take the lookups */
#define FNV_OFFSET 0xcbf29ce484222325ULL
static uint64_t *noun_bloom;  /* BLOOM_BITS / 64 words, or NULL */

static inline uint64_t
fnv_step(uint64_t h, Py_UCS4 c)
{
    return (h ^ (uint64_t)c) * 0x100000001b3ULL;
}

static inline uint64_t
bloom_mix(uint64_t h)
{
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

static inline int
bloom_has(const uint64_t *bloom, uint64_t h)
{
    h = bloom_mix(h);
    uint64_t a = h & (BLOOM_BITS - 1), b = (h >> 32) & (BLOOM_BITS - 1);
    return (bloom[a >> 6] >> (a & 63) & 1) && (bloom[b >> 6] >> (b & 63) & 1);
}

/* the filter of the keys of ``dict``, or NULL (no memory: an exception; or a key that is not
 * an exact str: no exception) */
static uint64_t *
bloom_build(PyObject *dict)
{
    uint64_t *bloom = PyMem_Calloc(BLOOM_BITS / 64, sizeof(uint64_t));
    if (bloom == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        if (!PyUnicode_CheckExact(k)) {
            PyMem_Free(bloom);
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(k);
        int kind = PyUnicode_KIND(k);
        const void *data = PyUnicode_DATA(k);
        uint64_t h = FNV_OFFSET;
        for (Py_ssize_t i = 0; i < n; i++)
            h = fnv_step(h, PyUnicode_READ(kind, data, i));
        h = bloom_mix(h);
        uint64_t a = h & (BLOOM_BITS - 1), b = (h >> 32) & (BLOOM_BITS - 1);
        bloom[a >> 6] |= (uint64_t)1 << (a & 63);
        bloom[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    return bloom;
}

static PyObject *
set_noun_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) < 5 || PyTuple_GET_SIZE(tables) > 6
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 1))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 2)) || !PyCallable_Check(PyTuple_GET_ITEM(tables, 3))
        || !PyLong_CheckExact(PyTuple_GET_ITEM(tables, 4))
        || (PyTuple_GET_SIZE(tables) == 6
            && (!PyTuple_CheckExact(PyTuple_GET_ITEM(tables, 5)) || PyTuple_GET_SIZE(PyTuple_GET_ITEM(tables, 5)) != 2
                || !PyDict_CheckExact(PyTuple_GET_ITEM(PyTuple_GET_ITEM(tables, 5), 0))
                || !PyDict_CheckExact(PyTuple_GET_ITEM(PyTuple_GET_ITEM(tables, 5), 1))))) {
        PyErr_SetString(PyExc_TypeError,
                        "set_noun_tables: expected (dict entries, dict keys, frozenset tails, agent callable, int"
                        "[, (dict verb stems, dict nouns)])");
        return NULL;
    }
    PyMem_Free(noun_bloom);
    noun_bloom = NULL;
    if (trie_build(&trie_noun, PyTuple_GET_ITEM(tables, 1)) < 0) {
        Py_CLEAR(noun_tables);
        return NULL;
    }
    noun_bloom = bloom_build(PyTuple_GET_ITEM(tables, 0));
    if (noun_bloom == NULL && PyErr_Occurred()) {
        Py_CLEAR(noun_tables);
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(noun_tables, tables);
    Py_RETURN_NONE;
}

static PyObject *
noun_analyses(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses(w, lex=None) takes one or two arguments");
        return NULL;
    }
    PyObject *w = args[0], *tables = noun_tables;
    if (!PyUnicode_CheckExact(w)) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses: w must be a str");
        return NULL;
    }
    if (tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "noun_analyses: call set_noun_tables first");
        return NULL;
    }
    Py_INCREF(tables);  /* (a callback could replace them) */
    PyObject *result = noun_search(w, tables);
    Py_DECREF(tables);
    return result;
}

static PyObject *seg_der;  /* (("ی", "DER", ""),) */

/* morphology._agent_noun(stem, lex): X + -گەر, or a noun + a verb's primary active present stem
 * (three or four letters); 1, 0, or -1 with an exception */
static int
agent_noun(PyObject *stem, PyObject *verb_stems, PyObject *nouns)
{
    Py_ssize_t sl = PyUnicode_GET_LENGTH(stem);
    if (sl == 0)
        return 0;  /* (never called so: the stem has a letter) */
    if (sl > 4 && PyUnicode_READ_CHAR(stem, sl - 3) == 0x06AF && PyUnicode_READ_CHAR(stem, sl - 2) == L_E
        && PyUnicode_READ_CHAR(stem, sl - 1) == L_R)
        return 1;  /* گەر */
    Py_UCS4 last = PyUnicode_READ_CHAR(stem, sl - 1);
    if (last == L_A || last == L_E || last == L_O || last == L_EE || last == L_Y || last == L_W || last == L_WW)
        return 0;  /* (VOWELS) */
    for (Py_ssize_t k = 3; k <= 4; k++) {
        if (sl - k < 2)
            continue;
        PyObject *end = PyUnicode_Substring(stem, sl - k, sl);
        if (end == NULL)
            return -1;
        PyObject *entries = PyDict_GetItemWithError(verb_stems, end);
        Py_DECREF(end);
        if (entries == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        if (!PyList_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed verb stems");
            return -1;
        }
        int any = 0;
        Py_INCREF(entries);
        for (Py_ssize_t q = 0; q < PyList_GET_SIZE(entries) && !any; q++) {
            PyObject *e = PyList_GET_ITEM(entries, q);
            if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 4) {
                PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed verb stem entry");
                any = -1;
                break;
            }
            Py_INCREF(e);
            int prs = PyUnicode_Check(PyTuple_GET_ITEM(e, 1)) ? PyUnicode_Compare(PyTuple_GET_ITEM(e, 1), s_prs) == 0 : 0;
            int p = prs ? PyObject_IsTrue(PyTuple_GET_ITEM(e, 3)) : 0;
            int v = p > 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(e, 2)) : 0;
            Py_DECREF(e);
            if (p < 0 || v < 0)
                any = -1;
            else if (prs && p && !v)
                any = 1;
        }
        Py_DECREF(entries);
        if (any < 0)
            return -1;
        if (any) {
            PyObject *head = PyUnicode_Substring(stem, 0, sl - k);
            if (head == NULL)
                return -1;
            int r = PyDict_Contains(nouns, head);
            Py_DECREF(head);
            return r;
        }
    }
    return 0;
}

/* _make(w, "N", "", (), stem, (("ی", "DER", ""),), False, -0.2 + weak): the activity noun */
static PyObject *
agent_cand(PyObject *w, PyObject *stem, double weak)
{
    double cost = -0.2 + weak;  /* (no article or ان junction: the suffix is ی) */
    double score = ((1.0 - 0.08 * cost) + 0.0) + 0.001 * (double)PyUnicode_GET_LENGTH(stem);
    PyObject *empty = PyTuple_New(0);
    PyObject *c = empty ? Py_BuildValue("(dOOOOOOO)", score, w, str_noun, str_empty, empty, stem, seg_der, Py_False)
                        : NULL;
    Py_XDECREF(empty);
    return c;
}

static PyObject *
noun_search(PyObject *w, PyObject *tables)
{
    PyObject *entries_of = PyTuple_GET_ITEM(tables, 0), *keys_of = PyTuple_GET_ITEM(tables, 1);
    PyObject *tails = PyTuple_GET_ITEM(tables, 2), *agent_cb = PyTuple_GET_ITEM(tables, 3);
    if (!PyDict_CheckExact(entries_of) || !PyDict_CheckExact(keys_of) || !PyAnySet_CheckExact(tails)
        || !PyCallable_Check(agent_cb) || !PyLong_CheckExact(PyTuple_GET_ITEM(tables, 4))) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses: tables of the wrong types");
        return NULL;
    }
    Py_ssize_t max_chain = PyLong_AsSsize_t(PyTuple_GET_ITEM(tables, 4));
    if (max_chain < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "noun_analyses: negative max_chain");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (n == 0)
        return out;
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    Py_UCS4 wlast = PyUnicode_READ(kind, data, n - 1);

    /* the longest word end (at most m letters) in tails, and its row of keys_of */
    Py_ssize_t m = n > max_chain ? max_chain : n - 1;
    PyObject *keys;
    trie_walk(&trie_noun, kind, data, n, m, &keys);
    if (keys == NULL) {
        PyErr_SetString(PyExc_KeyError, "noun_analyses: a word end missing from keys_of");
        goto error;
    }
    if (!PyTuple_Check(keys)) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed key table");
        goto error;
    }
    /* prefix hashes for the Bloom filter: hp[i] of w[:i]. The filter is the current tables'
     * (read again at each use: a callback may call set_noun_tables); the tables are permanent
     * (morphology's cached dicts, never changed once built) */
    uint64_t hp[BLOOM_MAX_WORD + 1];
    int use_bloom = noun_bloom != NULL && n <= BLOOM_MAX_WORD && tables == noun_tables;
    if (use_bloom) {
        hp[0] = FNV_OFFSET;
        for (Py_ssize_t k = 0; k < n; k++)
            hp[k + 1] = fnv_step(hp[k], PyUnicode_READ(kind, data, k));
    }
    Py_INCREF(keys);  /* keep it alive while Python callbacks run */
    for (Py_ssize_t ki = 0; ki < PyTuple_GET_SIZE(keys); ki++) {
        PyObject *krow = PyTuple_GET_ITEM(keys, ki);
        if (!tuple_len_at_least(krow, 5))
            goto error_keys;
        Py_ssize_t klen = PyLong_AsSsize_t(PyTuple_GET_ITEM(krow, 0));
        if (klen == -1 && PyErr_Occurred())
            goto error_keys;
        if (klen < 0 || klen >= n) {
            if (klen >= n && klen > 0) {
                /* cannot happen: keys are ends of the word shorter than it */
                PyErr_SetString(PyExc_ValueError, "noun_analyses: key longer than the word");
                goto error_keys;
            }
            if (klen < 0) {
                PyErr_SetString(PyExc_ValueError, "noun_analyses: negative key length");
                goto error_keys;
            }
        }
        int an = PyObject_IsTrue(PyTuple_GET_ITEM(krow, 1));
        int glide = PyObject_IsTrue(PyTuple_GET_ITEM(krow, 2));
        PyObject *by_cls = PyTuple_GET_ITEM(krow, 3), *an_segs = PyTuple_GET_ITEM(krow, 4);
        if (an < 0 || glide < 0)
            goto error_keys;
        if (!PyDict_Check(by_cls) || !PyTuple_Check(an_segs)) {
            PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed key row");
            goto error_keys;
        }
        Py_ssize_t i = n - klen;
        Py_UCS4 last = PyUnicode_READ(kind, data, i - 1);
        if (use_bloom && noun_bloom != NULL && tables == noun_tables && !bloom_has(noun_bloom, hp[i])) {
            /* w[:i] is no key (entry is None): as below, nothing is found unless it is an
             * ان-stem whose form + ە is a key */
            if (!(an && last != L_E) || !bloom_has(noun_bloom, fnv_step(hp[i], L_E)))
                continue;
        }
        PyObject *stem = PyUnicode_Substring(w, 0, i);
        if (stem == NULL)
            goto error_keys;
        PyObject *entry = PyDict_GetItemWithError(entries_of, stem);  /* borrowed */
        if (entry == NULL && PyErr_Occurred()) {
            Py_DECREF(stem);
            goto error_keys;
        }
        if (entry == NULL && !(an && last != L_E)) {
            Py_DECREF(stem);
            continue;
        }
        Py_UCS4 prev = i > 1 ? PyUnicode_READ(kind, data, i - 2) : 0;
        int cls = stem_end_class(last, prev);
        PyObject *segs = PyDict_GetItemWithError(by_cls, str_cls[cls]);  /* borrowed */
        if (segs == NULL) {
            Py_DECREF(stem);
            if (PyErr_Occurred())
                goto error_keys;
            continue;
        }
        if (!PyTuple_Check(segs)) {
            Py_DECREF(stem);
            PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed segmentations");
            goto error_keys;
        }
        Py_INCREF(segs);  /* (a callback may empty the dict that holds it) */
        /* stem ends in ەک (for X+ەکان, not Xەک+ان) */
        int stem_ek = i >= 2 && PyUnicode_READ(kind, data, i - 2) == L_E && last == L_K;
        if (entry != NULL) {
            /* (stem[-2:-1] is "" for a one-letter stem, and "" is in any string) */
            if (glide && last == L_Y && (i < 2 || prev == L_A || prev == L_E || prev == L_O || prev == L_EE || prev == L_W)) {
                Py_DECREF(stem);
                Py_DECREF(segs);
                continue;  /* _glide_ek */
            }
            if (!tuple_len_at_least(entry, 4)) {
                Py_DECREF(stem);
                Py_DECREF(segs);
                goto error_keys;
            }
            Py_INCREF(entry);
            double weak;
            int ok = get_double(PyTuple_GET_ITEM(entry, 0), &weak);
            int all_verb = ok ? PyObject_IsTrue(PyTuple_GET_ITEM(entry, 1)) : -1;
            int all_verb_np = all_verb >= 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(entry, 2)) : -1;
            PyObject *ents = PyTuple_GET_ITEM(entry, 3);
            if (all_verb < 0 || all_verb_np < 0 || !PyTuple_Check(ents)) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed entry");
                Py_DECREF(entry);
                Py_DECREF(stem);
                Py_DECREF(segs);
                goto error_keys;
            }
            PyObject *agent = NULL;  /* not yet asked */
            int failed = 0;
            for (Py_ssize_t si = 0; si < PyTuple_GET_SIZE(segs) && !failed; si++) {
                PyObject *srow = PyTuple_GET_ITEM(segs, si);
                if (!tuple_len_at_least(srow, 5)) {
                    failed = 1;
                    break;
                }
                PyObject *seg = PyTuple_GET_ITEM(srow, 0);
                double cost;
                if (!get_double(PyTuple_GET_ITEM(srow, 1), &cost)) {
                    failed = 1;
                    break;
                }
                int kw = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 2));
                int an0 = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 3));
                int der = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 4));
                if (kw < 0 || an0 < 0 || der < 0 || !PyTuple_Check(seg)) {
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed segmentation");
                    failed = 1;
                    break;
                }
                cost = cost + weak;
                if (PyTuple_GET_SIZE(seg)) {
                    if (last == L_E && kw)
                        cost += 0.3;
                    else if (an0 && stem_ek)
                        cost += 0.5;
                }
                double s0 = 1.0 - 0.08 * cost;
                if (der) {
                    PyObject *first = PyTuple_GET_SIZE(seg) ? PyTuple_GET_ITEM(seg, 0) : NULL;
                    if (first == NULL || !PyTuple_Check(first) || PyTuple_GET_SIZE(first) < 1
                        || !PyUnicode_Check(PyTuple_GET_ITEM(first, 0))) {
                        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed derivation");
                        failed = 1;
                        break;
                    }
                    PyObject *form = PyTuple_GET_ITEM(first, 0);
                    int is_yy = PyUnicode_Compare(form, str_yy) == 0;
                    if (is_yy ? all_verb_np : all_verb)
                        continue;
                    PyObject *lemma = PyUnicode_Concat(stem, form);
                    if (lemma == NULL) {
                        failed = 1;
                        break;
                    }
                    PyObject *c = make_cand((s0 + 0.0) + 0.001 * (double)i, lemma, str_noun, str_empty, stem, seg);
                    Py_DECREF(lemma);
                    if (append_steal(out, c) < 0) {
                        failed = 1;
                        break;
                    }
                    continue;
                }
                if (klen == 1 && wlast == L_Y) {
                    if (agent == NULL) {
                        PyObject *wk = PyFloat_FromDouble(weak);
                        if (wk == NULL) {
                            failed = 1;
                            break;
                        }
                        if (PyTuple_GET_SIZE(tables) == 6) {
                            PyObject *lx = PyTuple_GET_ITEM(tables, 5);
                            int is_agent = agent_noun(stem, PyTuple_GET_ITEM(lx, 0), PyTuple_GET_ITEM(lx, 1));
                            agent = is_agent < 0 ? NULL : is_agent ? agent_cand(w, stem, weak) : Py_NewRef(Py_None);
                        }
                        else
                            agent = PyObject_CallFunctionObjArgs(agent_cb, w, stem, wk, NULL);
                        Py_DECREF(wk);
                        if (agent == NULL) {
                            failed = 1;
                            break;
                        }
                    }
                    if (agent != Py_None && PyList_Append(out, agent) < 0) {
                        failed = 1;
                        break;
                    }
                }
                Py_ssize_t ne = PyTuple_GET_SIZE(ents);
                for (Py_ssize_t ei = 0; ei < ne; ei++) {
                    PyObject *e = PyTuple_GET_ITEM(ents, ei);
                    if (!tuple_len_at_least(e, 6)) {
                        failed = 1;
                        break;
                    }
                    int nosuf = PyObject_IsTrue(PyTuple_GET_ITEM(e, 5));
                    if (nosuf < 0) {
                        failed = 1;
                        break;
                    }
                    if (PyTuple_GET_SIZE(seg) && nosuf)
                        continue;
                    double bonus;
                    if (!get_double(PyTuple_GET_ITEM(e, 4), &bonus)) {
                        failed = 1;
                        break;
                    }
                    PyObject *c = make_cand((s0 + bonus) + 0.001 * (double)i, PyTuple_GET_ITEM(e, 0),
                                            PyTuple_GET_ITEM(e, 3), PyTuple_GET_ITEM(e, 2), stem, seg);
                    if (append_steal(out, c) < 0) {
                        failed = 1;
                        break;
                    }
                }
            }
            Py_XDECREF(agent);
            Py_DECREF(entry);
            if (failed) {
                Py_DECREF(stem);
                Py_DECREF(segs);
                goto error_keys;
            }
        }
        if (an && last != L_E) {  /* ناوچە + ان → ناوچان */
            PyObject *stem_e = PyUnicode_FromOrdinal(L_E);
            PyObject *full = stem_e ? PyUnicode_Concat(stem, stem_e) : NULL;
            Py_XDECREF(stem_e);
            if (full == NULL) {
                Py_DECREF(stem);
                Py_DECREF(segs);
                goto error_keys;
            }
            PyObject *entry2 = PyDict_GetItemWithError(entries_of, full);
            Py_DECREF(full);
            if (entry2 == NULL && PyErr_Occurred()) {
                Py_DECREF(stem);
                Py_DECREF(segs);
                goto error_keys;
            }
            if (entry2 != NULL) {
                if (!tuple_len_at_least(entry2, 4) || !PyTuple_Check(PyTuple_GET_ITEM(entry2, 3))) {
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed entry");
                    Py_DECREF(stem);
                    Py_DECREF(segs);
                    goto error_keys;
                }
                Py_INCREF(entry2);
                PyObject *ents = PyTuple_GET_ITEM(entry2, 3);
                int failed = 0;
                for (Py_ssize_t ei = 0; ei < PyTuple_GET_SIZE(ents) && !failed; ei++) {
                    PyObject *e = PyTuple_GET_ITEM(ents, ei);
                    double bonus;
                    if (!tuple_len_at_least(e, 6) || !get_double(PyTuple_GET_ITEM(e, 4), &bonus)) {
                        failed = 1;
                        break;
                    }
                    for (Py_ssize_t si = 0; si < PyTuple_GET_SIZE(an_segs); si++) {
                        PyObject *srow = PyTuple_GET_ITEM(an_segs, si);
                        double cost;
                        if (!tuple_len_at_least(srow, 3) || !get_double(PyTuple_GET_ITEM(srow, 1), &cost)) {
                            failed = 1;
                            break;
                        }
                        int an0 = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 2));
                        if (an0 < 0) {
                            failed = 1;
                            break;
                        }
                        cost = cost + 0.5;
                        if (an0 && stem_ek)
                            cost += 0.5;
                        PyObject *c = make_cand(((1.0 - 0.08 * cost) + bonus) + 0.001 * (double)i,
                                                PyTuple_GET_ITEM(e, 0), PyTuple_GET_ITEM(e, 3),
                                                PyTuple_GET_ITEM(e, 2), stem, PyTuple_GET_ITEM(srow, 0));
                        if (append_steal(out, c) < 0) {
                            failed = 1;
                            break;
                        }
                    }
                }
                Py_DECREF(entry2);
                if (failed) {
                    Py_DECREF(stem);
                    Py_DECREF(segs);
                    goto error_keys;
                }
            }
        }
        Py_DECREF(stem);
        Py_DECREF(segs);
    }
    Py_DECREF(keys);
    return out;
error_keys:
    Py_DECREF(keys);
error:
    Py_DECREF(out);
    return NULL;
}

static PyObject *
set_verb_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 6
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 1))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 2)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 3))
        || !PyTuple_CheckExact(PyTuple_GET_ITEM(tables, 4)) || !PyCallable_Check(PyTuple_GET_ITEM(tables, 5))) {
        PyErr_SetString(PyExc_TypeError, "set_verb_tables: expected (frozenset, dict, frozenset, dict, tuple, callable)");
        return NULL;
    }
    PyObject *strong = PyTuple_GET_ITEM(tables, 4);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(strong); k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(strong, k))) {
            PyErr_SetString(PyExc_TypeError, "set_verb_tables: strong prefixes must be str");
            return NULL;
        }
    }
    PyObject *strong_keys = PyDict_New();  /* the strong prefix chains as dict keys, for their trie */
    if (strong_keys == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(strong); k++) {
        if (PyDict_SetItem(strong_keys, PyTuple_GET_ITEM(strong, k), Py_True) < 0) {
            Py_DECREF(strong_keys);
            return NULL;
        }
    }
    int failed = trie_build(&trie_strong, strong_keys);
    Py_DECREF(strong_keys);
    if (failed || trie_build(&trie_suf, PyTuple_GET_ITEM(tables, 1)) < 0
        || trie_build(&trie_stem, PyTuple_GET_ITEM(tables, 3)) < 0) {
        Py_CLEAR(verb_tables);  /* (the tries may no longer match the old tables) */
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(verb_tables, tables);
    Py_RETURN_NONE;
}

static PyObject *
verb_search(PyObject *w, PyObject *tables)
{
    /* (the suffix and stem tables are searched through trie_suf, trie_stem and trie_strong) */
    (void)tables;
    PyObject *hits = PyList_New(0);
    if (hits == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    if (n == 0)
        return hits;
    PyObject *suf_cands;  /* borrowed */
    trie_walk(&trie_suf, kind, data, n, n - 1, &suf_cands);
    if (suf_cands == NULL)
        return hits;
    if (!PyList_Check(suf_cands)) {
        PyErr_SetString(PyExc_TypeError, "verb_hits: malformed suffix index");
        goto error;
    }
    Py_INCREF(suf_cands);
    for (Py_ssize_t ci = 0; ci < PyList_GET_SIZE(suf_cands); ci++) {
        PyObject *crow = PyList_GET_ITEM(suf_cands, ci);
        if (!PyTuple_Check(crow) || PyTuple_GET_SIZE(crow) != 2) {
            PyErr_SetString(PyExc_TypeError, "verb_hits: malformed suffix row");
            goto error_cands;
        }
        Py_ssize_t s = PyLong_AsSsize_t(PyTuple_GET_ITEM(crow, 0));
        if (s == -1 && PyErr_Occurred())
            goto error_cands;
        if (s < 0 || s > n) {
            PyErr_SetString(PyExc_ValueError, "verb_hits: suffix longer than the word");
            goto error_cands;
        }
        PyObject *sentries = PyTuple_GET_ITEM(crow, 1);
        Py_ssize_t e = n - s;
        PyObject *srows;  /* borrowed */
        Py_ssize_t k = trie_walk(&trie_stem, kind, data, e, e, &srows);
        if (!k)
            continue;
        if (srows == NULL) {
            PyErr_SetString(PyExc_KeyError, "verb_hits: a stem ending missing from stem_index");
            goto error_cands;
        }
        if (!PyList_Check(srows)) {
            PyErr_SetString(PyExc_TypeError, "verb_hits: malformed stem index");
            goto error_cands;
        }
        Py_INCREF(srows);
        for (Py_ssize_t si = 0; si < PyList_GET_SIZE(srows); si++) {
            PyObject *srow = PyList_GET_ITEM(srows, si);
            if (!PyTuple_Check(srow) || PyTuple_GET_SIZE(srow) != 2) {
                PyErr_SetString(PyExc_TypeError, "verb_hits: malformed stem row");
                Py_DECREF(srows);
                goto error_cands;
            }
            Py_ssize_t length = PyLong_AsSsize_t(PyTuple_GET_ITEM(srow, 0));
            if ((length == -1 && PyErr_Occurred()) || length < 0 || length > e) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "verb_hits: stem longer than the word");
                Py_DECREF(srows);
                goto error_cands;
            }
            if (length == 1 && PyUnicode_READ(kind, data, e - 1) != 0x0628 /* ب */) {
                /* a one-letter stem needs a strong prefix before it: w.endswith(strong, 0, e - 1)
                 * (the empty string, were it among them, would always match) */
                if (!trie_strong.values[0] && !trie_any_end(&trie_strong, kind, data, e - 1))
                    continue;
            }
            PyObject *hit = Py_BuildValue("(nnOO)", e - length, e, sentries, PyTuple_GET_ITEM(srow, 1));
            if (append_steal(hits, hit) < 0) {
                Py_DECREF(srows);
                goto error_cands;
            }
        }
        Py_DECREF(srows);
    }
    Py_DECREF(suf_cands);
    return hits;
error_cands:
    Py_DECREF(suf_cands);
error:
    Py_DECREF(hits);
    return NULL;
}

static PyObject *
verb_hits(PyObject *self, PyObject *w)
{
    (void)self;
    if (!PyUnicode_CheckExact(w)) {
        PyErr_SetString(PyExc_TypeError, "verb_hits: w must be a str");
        return NULL;
    }
    PyObject *tables = verb_tables;
    if (tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "verb_hits: call set_verb_tables first");
        return NULL;
    }
    Py_INCREF(tables);
    PyObject *result = verb_search(w, tables);
    Py_DECREF(tables);
    return result;
}

/* ---- folding: morphology.fold in one pass ---- */

#define L_RR 0x0695     /* ڕ */
#define L_H 0x0647      /* ه */
#define ZWNJ 0x200C

static unsigned char fold_len[0x10000];     /* letter -> 1 + length of its replacement (0: kept) */
static Py_UCS4 fold_to[0x10000][2];
static PyObject *fold_final_h;              /* frozenset: words whose final ه stays */

static PyObject *
set_fold_table(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *map, *final_h;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &map, &final_h))
        return NULL;
    if (!PyAnySet_CheckExact(final_h)) {
        PyErr_SetString(PyExc_TypeError, "set_fold_table: final_h must be a frozenset");
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(map, &pos, &k, &v)) {
        if (!PyUnicode_Check(k) || PyUnicode_GET_LENGTH(k) != 1 || PyUnicode_READ_CHAR(k, 0) > 0xFFFF
            || PyUnicode_READ_CHAR(k, 0) == ZWNJ || PyUnicode_READ_CHAR(k, 0) == L_H
            || !PyUnicode_Check(v) || PyUnicode_GET_LENGTH(v) > 2) {
            PyErr_SetString(PyExc_ValueError, "set_fold_table: one BMP letter (not ZWNJ, ه) -> at most two");
            return NULL;
        }
    }
    memset(fold_len, 0, sizeof(fold_len));
    pos = 0;
    while (PyDict_Next(map, &pos, &k, &v)) {
        Py_UCS4 c = PyUnicode_READ_CHAR(k, 0);
        Py_ssize_t len = PyUnicode_GET_LENGTH(v);
        fold_len[c] = (unsigned char)(1 + len);
        for (Py_ssize_t i = 0; i < len; i++)
            fold_to[c][i] = PyUnicode_READ_CHAR(v, i);
    }
    Py_INCREF(final_h);
    Py_XSETREF(fold_final_h, final_h);
    Py_RETURN_NONE;
}

/* morphology.fold(word) for a str (None for anything else: Python folds it) */
static PyObject *
fold(PyObject *self, PyObject *word)
{
    (void)self;
    if (fold_final_h == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "fold: call set_fold_table first");
        return NULL;
    }
    if (!PyUnicode_CheckExact(word))
        Py_RETURN_NONE;
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    /* the first test: nothing to fold */
    int needs = n && (PyUnicode_READ(kind, data, 0) == L_R || PyUnicode_READ(kind, data, n - 1) == L_H);
    for (Py_ssize_t i = 0; i < n && !needs; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        needs = c == ZWNJ || (c <= 0xFFFF && fold_len[c]);
    }
    if (!needs) {
        Py_INCREF(word);
        return word;
    }
    if (n > PY_SSIZE_T_MAX / (2 * (Py_ssize_t)sizeof(Py_UCS4)) - 1)
        return PyErr_NoMemory();
    Py_UCS4 *buf = PyMem_Malloc((size_t)(2 * n + 1) * sizeof(Py_UCS4));
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t m = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == L_H && i + 1 < n && PyUnicode_READ(kind, data, i + 1) == ZWNJ) {  /* old ه‌ */
            buf[m++] = L_E;
            i++;
        }
        else if (c == ZWNJ)
            continue;
        else if (c <= 0xFFFF && fold_len[c]) {
            for (int t = 0; t < fold_len[c] - 1; t++)
                buf[m++] = fold_to[c][t];
        }
        else
            buf[m++] = c;
    }
    if (m && buf[0] == L_R)  /* word-initial r is always trilled */
        buf[0] = L_RR;
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, m);
    PyMem_Free(buf);
    if (out == NULL)
        return NULL;
    if (m > 1 && PyUnicode_READ_CHAR(out, m - 1) == L_H && PyUnicode_READ_CHAR(out, m - 2) != L_A) {
        int in = PySet_Contains(fold_final_h, out);
        if (in < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (!in) {
            PyObject *stem = PyUnicode_Substring(out, 0, m - 1), *e = PyUnicode_FromOrdinal(L_E);
            PyObject *folded = stem && e ? PyUnicode_Concat(stem, e) : NULL;
            Py_XDECREF(stem);
            Py_XDECREF(e);
            Py_DECREF(out);
            return folded;
        }
    }
    return out;
}

/* ---- compound heads: which beginnings of a word are lexicon words ---- */

static Trie trie_heads;  /* keys read forwards */
static int heads_ready;

static PyObject *
set_heads(PyObject *self, PyObject *reversed_heads)
{
    (void)self;
    if (!PyDict_CheckExact(reversed_heads)) {
        PyErr_SetString(PyExc_TypeError, "set_heads: expected a dict (reversed word -> True)");
        return NULL;
    }
    heads_ready = 0;
    if (trie_build(&trie_heads, reversed_heads) < 0)
        return NULL;
    heads_ready = 1;
    Py_RETURN_NONE;
}

/* head_lengths(w, lo, hi) -> [a for a in range(lo, hi + 1) if w[:a] is a head] */
static PyObject *
head_lengths(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3 || !PyUnicode_CheckExact(args[0]) || !PyLong_CheckExact(args[1]) || !PyLong_CheckExact(args[2])) {
        PyErr_SetString(PyExc_TypeError, "head_lengths(w: str, lo: int, hi: int)");
        return NULL;
    }
    if (!heads_ready) {
        PyErr_SetString(PyExc_RuntimeError, "head_lengths: call set_heads first");
        return NULL;
    }
    PyObject *w = args[0];
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]), hi = PyLong_AsSsize_t(args[2]);
    if ((lo == -1 || hi == -1) && PyErr_Occurred())
        return NULL;
    if (lo < 1) {
        PyErr_SetString(PyExc_ValueError, "head_lengths: lo must be at least 1");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    Py_ssize_t node = 0;
    for (Py_ssize_t a = 1; a <= hi; a++) {
        if (a <= n) {
            node = trie_child(&trie_heads, node, PyUnicode_READ(kind, data, a - 1));
            if (node < 0)
                break;
        }
        else if (trie_heads.values[node] == NULL)
            break;  /* (past the end w[:a] is w, as in Python) */
        if (a >= lo && trie_heads.values[node] != NULL) {
            PyObject *k = PyLong_FromSsize_t(a);
            if (append_steal(out, k) < 0) {
                Py_DECREF(out);
                return NULL;
            }
        }
        if (a > n && a < lo)
            a = lo - 1;  /* (nothing changes past the end: jump to lo) */
    }
    return out;
}

/* ---- word ends: noun_end (morphology._chain_end), has_light_end ---- */

/* noun_end(w, m): the longest end of w, at most m letters (and at most all of w), among the keys
 * of keys_of */
static PyObject *
noun_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2 || !PyUnicode_CheckExact(args[0]) || !PyLong_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "noun_end(w: str, m: int)");
        return NULL;
    }
    if (noun_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "noun_end: call set_noun_tables first");
        return NULL;
    }
    PyObject *w = args[0];
    Py_ssize_t m = PyLong_AsSsize_t(args[1]);
    if (m == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (m < 0)
        m = 0;
    if (m > n)
        m = n;
    PyObject *value;
    Py_ssize_t j = trie_walk(&trie_noun, PyUnicode_KIND(w), PyUnicode_DATA(w), n, m, &value);
    return PyUnicode_Substring(w, n - j, n);
}

static Trie trie_light;  /* the three-letter ends of light verb forms */
static int light_ready;

static PyObject *
set_light_ends(PyObject *self, PyObject *ends)
{
    (void)self;
    if (!PyDict_CheckExact(ends)) {
        PyErr_SetString(PyExc_TypeError, "set_light_ends: expected a dict (three-letter end -> True)");
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(ends, &pos, &k, &v)) {
        if (!PyUnicode_Check(k) || PyUnicode_GET_LENGTH(k) != 3) {
            PyErr_SetString(PyExc_ValueError, "set_light_ends: three-letter strings only");
            return NULL;
        }
    }
    light_ready = 0;
    if (trie_build(&trie_light, ends) < 0)
        return NULL;
    light_ready = 1;
    Py_RETURN_NONE;
}

/* has_light_end(w): some w[p:p + 3] with p >= 1 is a key (morphology._light_trigram()(w, 1)) */
static PyObject *
has_light_end(PyObject *self, PyObject *w)
{
    (void)self;
    if (!PyUnicode_CheckExact(w)) {
        PyErr_SetString(PyExc_TypeError, "has_light_end: w must be a str");
        return NULL;
    }
    if (!light_ready) {
        PyErr_SetString(PyExc_RuntimeError, "has_light_end: call set_light_ends first");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    for (Py_ssize_t e = 4; e <= n; e++) {
        PyObject *value;
        if (trie_walk(&trie_light, kind, data, e, 3, &value) == 3 && value != NULL)
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

/* ---- lemmatize_text's pass: words found and looked up in the lemma cache ---- */

static PyObject *
word_lemmas(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyDict_CheckExact(args[1]) || !PyBytes_CheckExact(args[2])
        || PyBytes_GET_SIZE(args[2]) != 0x10000) {
        PyErr_SetString(PyExc_TypeError, "word_lemmas(text: str, cache: dict, table: bytes of 0x10000)");
        return NULL;
    }
    PyObject *text = args[0], *cache = args[1];
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(args[2]);
    if (PyUnicode_READY(text) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0), *missing = PyList_New(0);
    if (out == NULL || missing == NULL)
        goto fail;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0x10000 || !(table[c] & 1)) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < n) {
            c = PyUnicode_READ(kind, data, j);
            if (c >= 0x10000 || !(table[c] & 2))
                break;
            j++;
        }
        PyObject *word = PyUnicode_Substring(text, i, j);
        if (word == NULL)
            goto fail;
        PyObject *lemma = PyDict_GetItemWithError(cache, word);  /* borrowed */
        if (lemma != NULL) {
            Py_DECREF(word);
            if (PyList_Append(out, lemma) < 0)
                goto fail;
        }
        else {
            if (PyErr_Occurred()) {
                Py_DECREF(word);
                goto fail;
            }
            PyObject *pos = PyLong_FromSsize_t(PyList_GET_SIZE(out));
            if (pos == NULL || PyList_Append(missing, pos) < 0) {
                Py_XDECREF(pos);
                Py_DECREF(word);
                goto fail;
            }
            Py_DECREF(pos);
            if (PyList_Append(out, word) < 0) {
                Py_DECREF(word);
                goto fail;
            }
            Py_DECREF(word);
        }
        i = j;
    }
    PyObject *res = PyTuple_Pack(2, out, missing);
    Py_DECREF(out);
    Py_DECREF(missing);
    return res;
fail:
    Py_XDECREF(out);
    Py_XDECREF(missing);
    return NULL;
}

/* ---- the verb analyses: morphology._verb_analyses_py in one call ---- */

enum { VA_RANK, VA_COMPOUNDS, VA_AFFIX_PV, VA_LIGHT, VA_SHORT, VA_NOUNS, VA_VSTEMS, VA_CAUS, VA_FEATS,
       VA_OPEN_PVB, VA_HEADS, VA_VPRE, VA_VPRE_TAILS, VA_PREVERBS, VA_VOWELS, VA_N };
static PyObject *va_tables;  /* set_verb_analysis_tables */

static PyObject *
set_verb_analysis_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != VA_N
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_RANK))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_COMPOUNDS))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_AFFIX_PV))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_LIGHT))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_SHORT))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_NOUNS))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_VSTEMS))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_CAUS))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_FEATS))
        || !PyCallable_Check(PyTuple_GET_ITEM(tables, VA_OPEN_PVB))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_HEADS))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, VA_VPRE))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_VPRE_TAILS))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_PREVERBS))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, VA_VOWELS))) {
        PyErr_SetString(PyExc_TypeError, "set_verb_analysis_tables: expected the 15 tables of "
                        "morphology._compiled_verb_analyses");
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(va_tables, tables);
    Py_RETURN_NONE;
}

/* a == b for two str (b an exact str constant); -1 with an exception when a is no str */
static inline int
str_is(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (!PyUnicode_Check(a)) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed table entry (str expected)");
        return -1;
    }
    return PyUnicode_Compare(a, b) == 0;
}

/* ``t`` is a tuple of at least n items, else TypeError */
static inline int
va_tuple(PyObject *t, Py_ssize_t n)
{
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) < n) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed table entry");
        return 0;
    }
    return 1;
}

/* the candidates of one (stem entry, prefix row, suffix rows) as the innermost loops of
 * _verb_analyses_py; appends at most one (the cheapest valid ending chain). Returns 0, or -1 with
 * an exception. */
typedef struct {
    PyObject *w, *stem, *pre, *lemma, *stype, *voice, *full;
    Py_ssize_t stem_len, pre_len;
    Py_UCS4 last, stem_first;
    int stype_prs, stype_pst, primary, open_compound, sbjv_end;
    double bonus;
} VerbCtx;

static int
va_prefix_row(const VerbCtx *cx, PyObject *prow, PyObject *by_type, PyObject *tables, PyObject *out,
              int *pre_in_affix)
{
    if (!va_tuple(prow, 7))
        return -1;
    PyObject *pchain = PyTuple_GET_ITEM(prow, 0), *ptags = PyTuple_GET_ITEM(prow, 1);
    if (!PyTuple_Check(pchain) || !PyAnySet_Check(ptags)) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed prefix row");
        return -1;
    }
    int strong = PyObject_IsTrue(PyTuple_GET_ITEM(prow, 2));
    int has_d = PyObject_IsTrue(PyTuple_GET_ITEM(prow, 3));
    double factor = PyFloat_AsDouble(PyTuple_GET_ITEM(prow, 4));
    if (factor == -1.0 && PyErr_Occurred())
        return -1;
    int pmood = PyObject_IsTrue(PyTuple_GET_ITEM(prow, 5));
    int has_na = PyObject_IsTrue(PyTuple_GET_ITEM(prow, 6));
    if (strong < 0 || has_d < 0 || pmood < 0 || has_na < 0)
        return -1;
    Py_ssize_t pchain_len = PyTuple_GET_SIZE(pchain);
    int bare = 0;
    if (cx->pre_len && !pchain_len && cx->stype_prs) {
        int r = str_is(cx->lemma, s_buun);
        if (r < 0)
            return -1;
        bare = r && cx->stem_len == 1 && cx->last == 0x0628;  /* stem == "ب" */
    }
    if (!strong && !bare) {
        if (cx->stype_prs) {
            if (*pre_in_affix < 0) {
                *pre_in_affix = PySet_Contains(PyTuple_GET_ITEM(tables, VA_AFFIX_PV), cx->pre);
                if (*pre_in_affix < 0)
                    return -1;
            }
            if (!*pre_in_affix)
                return 0;
        }
        if (cx->stem_len < 2)
            return 0;
    }
    if (cx->open_compound && factor == 1.0 && !bare) {
        if (!cx->stype_pst)
            return 0;
        int r1 = str_is(cx->lemma, s_dan), r2 = r1 ? 0 : str_is(cx->lemma, s_buun);
        if (r1 < 0 || r2 < 0)
            return -1;
        if (r1 || r2)
            return 0;
    }
    if (has_d && cx->stem_first != L_EE)
        return 0;
    int has_sbjv = -1, has_ipfv = -1;
    if (cx->stype_pst) {
        if ((has_sbjv = PySet_Contains(ptags, s_sbjv)) < 0)
            return -1;
        if (has_sbjv && !cx->sbjv_end)
            return 0;
        if (has_na)
            return 0;
    }
    PyObject *srows = PyDict_GetItemWithError(by_type, cx->stype);  /* borrowed */
    if (srows == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, cx->stype);
        return -1;
    }
    if (!PyTuple_Check(srows)) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed suffix rows");
        return -1;
    }
    Py_INCREF(srows);
    int rc = 0;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(srows); k++) {
        PyObject *srow = PyTuple_GET_ITEM(srows, k);
        if (!va_tuple(srow, 7))
            goto fail;
        PyObject *sstype = PyTuple_GET_ITEM(srow, 0), *schain = PyTuple_GET_ITEM(srow, 1);
        PyObject *tense = PyTuple_GET_ITEM(srow, 4), *first = PyTuple_GET_ITEM(srow, 6);
        if (!PyTuple_Check(schain) || !PyUnicode_Check(first) || !PyUnicode_Check(tense)) {
            PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed suffix row");
            goto fail;
        }
        int pers = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 2));
        int imp = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 3));
        int smood = PyObject_IsTrue(PyTuple_GET_ITEM(srow, 5));
        if (pers < 0 || imp < 0 || smood < 0)
            goto fail;
        Py_ssize_t schain_len = PyTuple_GET_SIZE(schain);
        if (bare && (!pers || imp || schain_len != 1))
            continue;
        if (!cx->primary && cx->stem_len == 1) {
            Py_ssize_t fl = PyUnicode_GET_LENGTH(first);
            Py_UCS4 f0 = fl == 1 ? PyUnicode_READ_CHAR(first, 0) : 0;
            if (!(fl == 1 && (f0 == L_A || f0 == L_EE || f0 == L_E || f0 == L_Y)))
                continue;  /* first not in ("ا", "ێ", "ە", "ی") */
        }
        int pstv = str_is(sstype, s_pstv);
        if (pstv < 0)
            goto fail;
        if (pstv && !(cx->last == L_A || cx->last == L_EE || cx->last == L_Y))
            continue;
        if (cx->stype_prs && !pers && cx->last != L_EE) {
            int sn = PySet_Contains(ptags, s_sbjv);
            if (sn == 0)
                sn = PySet_Contains(ptags, s_neg);
            if (sn < 0)
                goto fail;
            int v = 0;
            if (sn) {
                PyObject *lc = PyUnicode_FromOrdinal(cx->last);
                if (lc == NULL)
                    goto fail;
                v = PySet_Contains(PyTuple_GET_ITEM(tables, VA_VOWELS), lc);
                Py_DECREF(lc);
                if (v < 0)
                    goto fail;
            }
            if (!sn || !v)
                continue;
        }
        if (imp) {
            if (has_ipfv < 0 && (has_ipfv = PySet_Contains(ptags, s_ipfv)) < 0)
                goto fail;
            if (has_ipfv)
                continue;
        }
        PyObject *mood = pmood || smood ? str_empty : bare ? s_sbjv : s_ind;
        /* the prefix chain */
        PyObject *prefix;
        if (cx->pre_len) {
            PyObject *p0;
            if (!cx->open_compound || factor < 1.0)
                p0 = PyTuple_Pack(3, cx->pre, s_pvb, str_empty);
            else
                p0 = PyObject_CallOneArg(PyTuple_GET_ITEM(tables, VA_OPEN_PVB), cx->pre);
            if (p0 == NULL)
                goto fail;
            prefix = PyTuple_New(1 + pchain_len);
            if (prefix == NULL) {
                Py_DECREF(p0);
                goto fail;
            }
            PyTuple_SET_ITEM(prefix, 0, p0);
            for (Py_ssize_t q = 0; q < pchain_len; q++) {
                PyObject *it = PyTuple_GET_ITEM(pchain, q);
                Py_INCREF(it);
                PyTuple_SET_ITEM(prefix, q + 1, it);
            }
        }
        else {
            prefix = pchain;
            Py_INCREF(prefix);
        }
        double cost = factor * (double)(pchain_len + schain_len) + (cx->open_compound ? 0.5 : 0.0)
                      + (bare ? 1.0 : 0.0);
        if (cx->pre_len && !strong && cx->stem_len == 2 && PyUnicode_Compare(cx->stem, s_da) == 0
            && PySet_GET_SIZE(ptags) == 1) {
            int a = PySet_Contains(ptags, s_arg);
            if (a < 0) {
                Py_DECREF(prefix);
                goto fail;
            }
            if (a)
                cost += 0.5;  /* X + ی + the postposition دا */
        }
        if (cx->pre_len && !pchain_len && !schain_len) {
            cost = 0.5;
            int r = str_is(cx->lemma, s_buun);
            if (r < 0) {
                Py_DECREF(prefix);
                goto fail;
            }
            if (r) {
                PyObject *es = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_VSTEMS), cx->pre);
                if (es == NULL && PyErr_Occurred()) {
                    Py_DECREF(prefix);
                    goto fail;
                }
                if (es != NULL) {
                    if (!PyList_Check(es)) {
                        PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed verb stems");
                        Py_DECREF(prefix);
                        goto fail;
                    }
                    for (Py_ssize_t q = 0; q < PyList_GET_SIZE(es); q++) {
                        PyObject *e = PyList_GET_ITEM(es, q);
                        if (!va_tuple(e, 3)) {
                            Py_DECREF(prefix);
                            goto fail;
                        }
                        int pst = str_is(PyTuple_GET_ITEM(e, 1), s_pst);
                        int vo = pst > 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(e, 2)) : 0;
                        if (pst < 0 || vo < 0) {
                            Py_DECREF(prefix);
                            goto fail;
                        }
                        if (pst && !vo) {
                            cost += 0.6;  /* دابوو: the pluperfect of دان */
                            break;
                        }
                    }
                }
            }
        }
        /* the features (memo _FEATS: (tense, mood, voice) -> "tense;mood;voice" without empties) */
        PyObject *key = PyTuple_Pack(3, tense, mood, cx->voice);
        if (key == NULL) {
            Py_DECREF(prefix);
            goto fail;
        }
        PyObject *feats = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_FEATS), key);
        if (feats != NULL)
            Py_INCREF(feats);
        else if (!PyErr_Occurred()) {
            PyObject *parts[3] = {tense, mood, cx->voice};
            PyObject *lst = PyList_New(0);
            int bad = lst == NULL;
            for (int q = 0; q < 3 && !bad; q++) {
                int t = PyObject_IsTrue(parts[q]);
                if (t < 0 || (t && PyList_Append(lst, parts[q]) < 0))
                    bad = 1;
            }
            PyObject *sep = bad ? NULL : PyUnicode_FromOrdinal(';');
            feats = sep ? PyUnicode_Join(sep, lst) : NULL;
            Py_XDECREF(sep);
            Py_XDECREF(lst);
            if (feats != NULL && PyDict_SetItem(PyTuple_GET_ITEM(tables, VA_FEATS), key, feats) < 0)
                Py_CLEAR(feats);
        }
        Py_DECREF(key);
        if (feats == NULL) {
            Py_DECREF(prefix);
            goto fail;
        }
        PyObject *lem = cx->full;
        Py_INCREF(lem);
        PyObject *base = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_CAUS), cx->full);
        int bt = base != NULL ? PyObject_IsTrue(base) : 0;
        if ((base == NULL && PyErr_Occurred()) || bt < 0) {
            Py_DECREF(lem);
            Py_DECREF(feats);
            Py_DECREF(prefix);
            goto fail;
        }
        if (bt) {
            Py_INCREF(base);
            Py_SETREF(lem, base);
            PyObject *f2 = PyUnicode_Concat(feats, s_caus);
            Py_SETREF(feats, f2);
            if (feats == NULL) {
                Py_DECREF(lem);
                Py_DECREF(prefix);
                goto fail;
            }
        }
        /* _make */
        if (schain_len) {
            PyObject *s0 = PyTuple_GET_ITEM(schain, 0);
            PyObject *s0t = PyTuple_Check(s0) && PyTuple_GET_SIZE(s0) ? PyTuple_GET_ITEM(s0, 0) : NULL;
            if (s0t == NULL || !PyUnicode_Check(s0t)) {
                PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed suffix chain");
                Py_DECREF(lem);
                Py_DECREF(feats);
                Py_DECREF(prefix);
                goto fail;
            }
            Py_ssize_t sl = PyUnicode_GET_LENGTH(s0t);
            Py_UCS4 c0 = sl ? PyUnicode_READ_CHAR(s0t, 0) : 0;
            if (cx->last == L_E && (sl == 0 || c0 == L_K || c0 == L_W))
                cost += 0.3;
            else if (cx->stem_len >= 2 && cx->last == L_K
                     && PyUnicode_READ_CHAR(cx->stem, cx->stem_len - 2) == L_E
                     && sl >= 2 && c0 == L_A && PyUnicode_READ_CHAR(s0t, 1) == 0x0646 /* ن */)
                cost += 0.5;
        }
        double bonus = cx->bonus;
        int pt = PyUnicode_Find(feats, s_vptcp, 0, PY_SSIZE_T_MAX, 1) >= 0
                 || PyUnicode_Find(feats, s_vmsdr, 0, PY_SSIZE_T_MAX, 1) >= 0;
        if (pt)
            bonus -= 0.01;
        double score = ((1.0 - 0.08 * cost) + bonus) + 0.001 * (double)cx->stem_len;
        PyObject *sc = PyFloat_FromDouble(score);
        PyObject *cand = sc ? PyTuple_New(8) : NULL;
        if (cand == NULL) {
            Py_XDECREF(sc);
            Py_DECREF(lem);
            Py_DECREF(feats);
            Py_DECREF(prefix);
            goto fail;
        }
        PyTuple_SET_ITEM(cand, 0, sc);
        PyTuple_SET_ITEM(cand, 1, lem);
        Py_INCREF(s_verb);
        PyTuple_SET_ITEM(cand, 2, s_verb);
        PyTuple_SET_ITEM(cand, 3, feats);
        PyTuple_SET_ITEM(cand, 4, prefix);
        Py_INCREF(cx->stem);
        PyTuple_SET_ITEM(cand, 5, cx->stem);
        Py_INCREF(schain);
        PyTuple_SET_ITEM(cand, 6, schain);
        Py_INCREF(Py_False);
        PyTuple_SET_ITEM(cand, 7, Py_False);
        if (append_steal(out, cand) < 0)
            goto fail;
        break;  /* the cheapest valid ending chain is enough for this prefix chain */
    }
    Py_DECREF(srows);
    return rc;
fail:
    Py_DECREF(srows);
    return -1;
}

/* the stem entries of one hit under one (prefix chains, preverb) split */
static int
va_split(VerbCtx *cx, PyObject *pchains, PyObject *stems, PyObject *by_type, PyObject *tables, PyObject *out)
{
    for (Py_ssize_t ei = 0; ei < PyList_GET_SIZE(stems); ei++) {
        PyObject *entry = PyList_GET_ITEM(stems, ei);
        if (!va_tuple(entry, 4))
            return -1;
        Py_INCREF(entry);
        PyObject *lemma = PyTuple_GET_ITEM(entry, 0), *stype = PyTuple_GET_ITEM(entry, 1);
        PyObject *voice = PyTuple_GET_ITEM(entry, 2), *full = NULL;
        int primary = PyObject_IsTrue(PyTuple_GET_ITEM(entry, 3));
        int stype_prs = primary < 0 ? -1 : str_is(stype, s_prs);
        int stype_pst = stype_prs < 0 ? -1 : str_is(stype, s_pst);
        if (stype_pst < 0 || !PyUnicode_Check(lemma))
            goto fail;
        double bonus = 0.0;
        PyObject *rank = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_RANK), lemma);
        if (rank != NULL) {
            bonus = PyFloat_AsDouble(rank);
            if (bonus == -1.0 && PyErr_Occurred())
                goto fail;
        }
        else if (PyErr_Occurred())
            goto fail;
        int open_compound = 0;
        int pre_in_affix = -1;  /* not yet asked */
        if (cx->pre_len) {
            PyObject *ckey = PyTuple_Pack(2, cx->pre, lemma);
            if (ckey == NULL)
                goto fail;
            full = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_COMPOUNDS), ckey);
            Py_DECREF(ckey);
            if (full != NULL)
                Py_INCREF(full);
            else if (PyErr_Occurred())
                goto fail;
            else {
                pre_in_affix = PySet_Contains(PyTuple_GET_ITEM(tables, VA_AFFIX_PV), cx->pre);
                if (pre_in_affix < 0)
                    goto fail;
                if (pre_in_affix) {
                    full = PyUnicode_Concat(cx->pre, lemma);
                    if (full == NULL)
                        goto fail;
                    bonus -= 0.01;
                }
                else {
                    int ok = PySet_Contains(PyTuple_GET_ITEM(tables, VA_LIGHT), lemma);
                    if (ok > 0 && cx->pre_len <= 2)
                        ok = PySet_Contains(PyTuple_GET_ITEM(tables, VA_SHORT), cx->pre);
                    if (ok > 0)
                        ok = PyDict_Contains(PyTuple_GET_ITEM(tables, VA_NOUNS), cx->pre);
                    if (ok > 0 && PyUnicode_READ_CHAR(cx->pre, cx->pre_len - 1) == L_Y) {
                        /* (ڕایگەیاند is ڕا + the agent clitic ی + گەیاند) */
                        PyObject *p1 = PyUnicode_Substring(cx->pre, 0, cx->pre_len - 1);
                        PyObject *k2 = p1 ? PyTuple_Pack(2, p1, lemma) : NULL;
                        int in_c = k2 ? PyDict_Contains(PyTuple_GET_ITEM(tables, VA_COMPOUNDS), k2) : -1;
                        int in_a = in_c == 0 ? PySet_Contains(PyTuple_GET_ITEM(tables, VA_AFFIX_PV), p1) : 0;
                        Py_XDECREF(k2);
                        Py_XDECREF(p1);
                        if (in_c < 0 || in_a < 0)
                            ok = -1;
                        else if (in_c || in_a)
                            ok = 0;
                    }
                    if (ok < 0)
                        goto fail;
                    if (!ok) {
                        Py_DECREF(entry);
                        continue;
                    }
                    full = PyUnicode_Concat(cx->pre, lemma);
                    if (full == NULL)
                        goto fail;
                    open_compound = 1;
                }
            }
        }
        else {
            full = lemma;
            Py_INCREF(full);
        }
        cx->lemma = lemma;
        cx->stype = stype;
        cx->voice = voice;
        cx->full = full;
        cx->stype_prs = stype_prs;
        cx->stype_pst = stype_pst;
        cx->primary = primary;
        cx->open_compound = open_compound;
        cx->bonus = bonus;
        for (Py_ssize_t pi = 0; pi < PyList_GET_SIZE(pchains); pi++) {
            PyObject *prow = PyList_GET_ITEM(pchains, pi);
            Py_INCREF(prow);
            int r = va_prefix_row(cx, prow, by_type, tables, out, &pre_in_affix);
            Py_DECREF(prow);
            if (r < 0)
                goto fail;
        }
        Py_DECREF(full);
        Py_DECREF(entry);
        continue;
    fail:
        Py_XDECREF(full);
        Py_DECREF(entry);
        return -1;
    }
    return 0;
}

#define VERB_HEADS_MAX 100000  /* morphology._VERB_HEADS is cleared when it reaches this size */

/* morphology._verb_head_splits(head, lex): the (prefix chain rows, preverb, any strong, any
 * empty) splits of ``head``, shortest prefix chain first, stored in the memo (a new reference) */
static PyObject *
head_splits(PyObject *head, PyObject *tables)
{
    PyObject *vpre = PyTuple_GET_ITEM(tables, VA_VPRE), *tails = PyTuple_GET_ITEM(tables, VA_VPRE_TAILS);
    PyObject *preverbs = PyTuple_GET_ITEM(tables, VA_PREVERBS), *nouns = PyTuple_GET_ITEM(tables, VA_NOUNS);
    PyObject *memo = PyTuple_GET_ITEM(tables, VA_HEADS);
    Py_ssize_t b = PyUnicode_GET_LENGTH(head);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k <= (b < 7 ? b : 7); k++) {
        PyObject *piece = PyUnicode_Substring(head, b - k, b);
        if (piece == NULL)
            goto fail;
        int in_tails = PySet_Contains(tails, piece);
        if (in_tails <= 0) {
            Py_DECREF(piece);
            if (in_tails < 0)
                goto fail;
            break;  /* no prefix chain ends with this: a longer one cannot either */
        }
        PyObject *row = PyDict_GetItemWithError(vpre, piece);  /* borrowed */
        Py_DECREF(piece);
        if (row == NULL) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) < 3) {
            PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed prefix table");
            goto fail;
        }
        Py_ssize_t plen = b - k;
        if (plen == 1)
            continue;
        Py_INCREF(row);  /* (kept alive while the lookups below run) */
        PyObject *pre = PyUnicode_Substring(head, 0, plen);
        if (pre == NULL) {
            Py_DECREF(row);
            goto fail;
        }
        if (plen) {
            int ok = PySet_Contains(preverbs, pre);
            if (ok == 0)
                ok = PyDict_Contains(nouns, pre);
            if (ok <= 0) {
                Py_DECREF(pre);
                Py_DECREF(row);
                if (ok < 0)
                    goto fail;
                continue;
            }
        }
        PyObject *split = PyTuple_Pack(4, PyTuple_GET_ITEM(row, 0), pre, PyTuple_GET_ITEM(row, 1),
                                       PyTuple_GET_ITEM(row, 2));
        Py_DECREF(row);
        Py_DECREF(pre);
        if (append_steal(out, split) < 0)
            goto fail;
    }
    PyObject *splits = PyList_AsTuple(out);
    Py_DECREF(out);
    if (splits == NULL)
        return NULL;
    if (PyDict_GET_SIZE(memo) >= VERB_HEADS_MAX)
        PyDict_Clear(memo);
    if (PyDict_SetItem(memo, head, splits) < 0) {
        Py_DECREF(splits);
        return NULL;
    }
    return splits;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyObject *
verb_analyses(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses(w, lex=None) takes one or two arguments");
        return NULL;
    }
    PyObject *w = args[0];
    if (!PyUnicode_CheckExact(w)) {
        PyErr_SetString(PyExc_TypeError, "verb_analyses: w must be a str");
        return NULL;
    }
    if (va_tables == NULL || verb_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "verb_analyses: call set_verb_tables and set_verb_analysis_tables first");
        return NULL;
    }
    PyObject *tables = va_tables, *vtables = verb_tables;
    Py_INCREF(tables);
    Py_INCREF(vtables);
    PyObject *out = NULL, *hits = verb_search(w, vtables);
    Py_DECREF(vtables);
    if (hits == NULL)
        goto done;
    out = PyList_New(0);
    if (out == NULL || PyList_GET_SIZE(hits) == 0)
        goto done;
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    for (Py_ssize_t hi = 0; hi < PyList_GET_SIZE(hits); hi++) {
        PyObject *hit = PyList_GET_ITEM(hits, hi);  /* (b, e, (by_type, sbjv_end), stems): ours */
        Py_ssize_t b = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 0));
        Py_ssize_t e = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 1));
        PyObject *sinfo = PyTuple_GET_ITEM(hit, 2), *stems = PyTuple_GET_ITEM(hit, 3);
        if (!va_tuple(sinfo, 2) || !PyDict_Check(PyTuple_GET_ITEM(sinfo, 0)) || !PyList_Check(stems)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed verb index");
            goto error;
        }
        int sbjv_end = PyObject_IsTrue(PyTuple_GET_ITEM(sinfo, 1));
        if (sbjv_end < 0)
            goto error;
        PyObject *head = PyUnicode_Substring(w, 0, b);
        if (head == NULL)
            goto error;
        PyObject *splits = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, VA_HEADS), head);
        if (splits != NULL)
            Py_INCREF(splits);
        else if (!PyErr_Occurred())
            splits = head_splits(head, tables);
        Py_DECREF(head);
        if (splits == NULL)
            goto error;
        if (!PyTuple_Check(splits)) {
            Py_DECREF(splits);
            PyErr_SetString(PyExc_TypeError, "verb_analyses: head splits must be a tuple");
            goto error;
        }
        if (PyTuple_GET_SIZE(splits) == 0) {
            Py_DECREF(splits);
            continue;  /* (most hits: nothing before the stem is a prefix chain) */
        }
        VerbCtx cx = {0};
        cx.w = w;
        cx.stem = PyUnicode_Substring(w, b, e);
        if (cx.stem == NULL) {
            Py_DECREF(splits);
            goto error;
        }
        cx.stem_len = e - b;
        cx.last = PyUnicode_READ(kind, data, e - 1);
        cx.stem_first = PyUnicode_READ(kind, data, b);
        cx.sbjv_end = sbjv_end;
        int one = e - b == 1, failed = 0;
        PyObject *by_type = PyTuple_GET_ITEM(sinfo, 0);
        Py_INCREF(by_type);
        Py_INCREF(stems);
        for (Py_ssize_t si = 0; si < PyTuple_GET_SIZE(splits) && !failed; si++) {
            PyObject *split = PyTuple_GET_ITEM(splits, si);
            if (!va_tuple(split, 4) || !PyList_Check(PyTuple_GET_ITEM(split, 0))
                || !PyUnicode_Check(PyTuple_GET_ITEM(split, 1))) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "verb_analyses: malformed head split");
                failed = 1;
                break;
            }
            PyObject *pchains = PyTuple_GET_ITEM(split, 0);
            cx.pre = PyTuple_GET_ITEM(split, 1);
            cx.pre_len = PyUnicode_GET_LENGTH(cx.pre);
            int any_strong = PyObject_IsTrue(PyTuple_GET_ITEM(split, 2));
            int has_bare = PyObject_IsTrue(PyTuple_GET_ITEM(split, 3));
            if (any_strong < 0 || has_bare < 0) {
                failed = 1;
                break;
            }
            if (one && !any_strong && !(has_bare && cx.pre_len && cx.last == 0x0628))
                continue;  /* a one-letter stem needs a strong prefix, or is بوون's ب after a preverb */
            Py_INCREF(pchains);
            if (va_split(&cx, pchains, stems, by_type, tables, out) < 0)
                failed = 1;
            Py_DECREF(pchains);
        }
        Py_DECREF(stems);
        Py_DECREF(by_type);
        Py_DECREF(cx.stem);
        Py_DECREF(splits);
        if (failed)
            goto error;
    }
    goto done;
error:
    Py_CLEAR(out);
done:
    Py_XDECREF(hits);
    Py_DECREF(tables);
    return out;
}

/* ---- compounds: morphology._compound_py in one call ---- */

static PyObject *cmp_tables;  /* set_compound_tables: (verb_stems dict, no-suffix POS frozenset) */
static PyObject *s_cmp;       /* "CMP" */

static PyObject *
set_compound_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 2
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 1))) {
        PyErr_SetString(PyExc_TypeError, "set_compound_tables: expected (dict verb_stems, frozenset no-suffix POS)");
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(cmp_tables, tables);
    Py_RETURN_NONE;
}

/* appends (score, w, "NOUN", "", (), w, (), False) when verb_stems[key] has a primary active
 * present stem entry (the agent noun X + present stem, or its + ی) */
static int
cmp_agent(PyObject *w, PyObject *verb_stems, PyObject *key, double score, PyObject *out)
{
    PyObject *entries = PyDict_GetItemWithError(verb_stems, key);
    if (entries == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyList_Check(entries)) {
        PyErr_SetString(PyExc_TypeError, "compound: malformed verb stems");
        return -1;
    }
    Py_INCREF(entries);
    for (Py_ssize_t q = 0; q < PyList_GET_SIZE(entries); q++) {
        PyObject *e = PyList_GET_ITEM(entries, q);
        if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 4) {
            PyErr_SetString(PyExc_TypeError, "compound: malformed verb stem entry");
            goto fail;
        }
        Py_INCREF(e);
        int prs = str_is(PyTuple_GET_ITEM(e, 1), s_prs);
        int primary = prs > 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(e, 3)) : 0;
        int voice = primary > 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(e, 2)) : 0;
        Py_DECREF(e);
        if (prs < 0 || primary < 0 || voice < 0)
            goto fail;
        if (prs && primary && !voice) {
            PyObject *empty = PyTuple_New(0);
            PyObject *c = empty ? Py_BuildValue("(dOOOOOOO)", score, w, str_noun, str_empty, empty, w, empty, Py_False)
                                : NULL;
            Py_XDECREF(empty);
            if (append_steal(out, c) < 0)
                goto fail;
        }
    }
    Py_DECREF(entries);
    return 0;
fail:
    Py_DECREF(entries);
    return -1;
}

static PyObject *
compound(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || nargs > 2 || !PyUnicode_CheckExact(args[0])) {
        PyErr_SetString(PyExc_TypeError, "compound(w: str, lex=None)");
        return NULL;
    }
    if (!heads_ready || noun_tables == NULL || cmp_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "compound: call set_heads, set_noun_tables and set_compound_tables first");
        return NULL;
    }
    PyObject *w = args[0];
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    /* the head lengths a in 3..min(n - 3, 12) (as head_lengths) */
    Py_ssize_t lens[16], nl = 0, hi = n - 3 < 12 ? n - 3 : 12, node = 0;
    for (Py_ssize_t a = 1; a <= hi; a++) {
        node = trie_child(&trie_heads, node, PyUnicode_READ(kind, data, a - 1));
        if (node < 0)
            break;
        if (a >= 3 && trie_heads.values[node] != NULL)
            lens[nl++] = a;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL || nl == 0)
        return out;
    PyObject *tables = cmp_tables;
    Py_INCREF(tables);
    PyObject *verb_stems = PyTuple_GET_ITEM(tables, 0), *no_suffix = PyTuple_GET_ITEM(tables, 1);
    for (Py_ssize_t li = 0; li < nl; li++) {
        Py_ssize_t a = lens[li], r = n - a;
        PyObject *head = PyUnicode_Substring(w, 0, a);
        PyObject *rest = head ? PyUnicode_Substring(w, a, n) : NULL;
        PyObject *ntab = noun_tables, *cands = NULL;
        if (rest != NULL && ntab != NULL) {
            Py_INCREF(ntab);
            cands = noun_search(rest, ntab);
            Py_DECREF(ntab);
        }
        else if (rest != NULL)
            PyErr_SetString(PyExc_RuntimeError, "compound: the noun tables are gone");
        PyObject *cmp = cands ? Py_BuildValue("((OOO))", head, s_cmp, str_empty) : NULL;
        if (cmp == NULL) {
            Py_XDECREF(cands);
            Py_XDECREF(rest);
            Py_XDECREF(head);
            goto fail;
        }
        int failed = 0;
        for (Py_ssize_t ci = 0; ci < PyList_GET_SIZE(cands) && !failed; ci++) {
            PyObject *c = PyList_GET_ITEM(cands, ci);  /* (a tuple made by noun_search or agent) */
            if (!PyTuple_Check(c) || PyTuple_GET_SIZE(c) != 8 || !PyUnicode_Check(PyTuple_GET_ITEM(c, 5))
                || !PyTuple_Check(PyTuple_GET_ITEM(c, 4))) {
                PyErr_SetString(PyExc_TypeError, "compound: malformed noun candidate");
                failed = 1;
                break;
            }
            if (PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(c, 5)) < 3)
                continue;
            PyObject *pos = PyTuple_GET_ITEM(c, 2);
            int ns = PySet_Contains(no_suffix, pos);
            int guess = ns == 0 ? PyObject_IsTrue(PyTuple_GET_ITEM(c, 7)) : 0;
            if (ns < 0 || guess < 0) {
                failed = 1;
                break;
            }
            if (ns || guess)
                continue;
            int is_verb = str_is(pos, s_verb);
            double score = PyFloat_AsDouble(PyTuple_GET_ITEM(c, 0));
            if (is_verb < 0 || (score == -1.0 && PyErr_Occurred())) {
                failed = 1;
                break;
            }
            PyObject *lemma = PyUnicode_Concat(head, PyTuple_GET_ITEM(c, 1));
            PyObject *prefix = lemma ? PySequence_Concat(cmp, PyTuple_GET_ITEM(c, 4)) : NULL;
            PyObject *nc = prefix ? Py_BuildValue("(dOOOOOOO)", score - 0.15, lemma, is_verb ? str_noun : pos,
                                                  PyTuple_GET_ITEM(c, 3), prefix, PyTuple_GET_ITEM(c, 5),
                                                  PyTuple_GET_ITEM(c, 6), Py_False) : NULL;
            Py_XDECREF(lemma);
            Py_XDECREF(prefix);
            if (append_steal(out, nc) < 0)
                failed = 1;
        }
        Py_DECREF(cands);
        Py_DECREF(cmp);
        Py_DECREF(head);
        if (!failed && 4 <= r && r <= 7 && PyUnicode_READ(kind, data, n - 1) == L_Y) {
            /* نیگارکێشی, above the compound + ezafe (as خۆکوژی) */
            PyObject *key = PyUnicode_Substring(rest, 0, r - 1);
            if (key == NULL || cmp_agent(w, verb_stems, key, 0.87, out) < 0)
                failed = 1;
            Py_XDECREF(key);
        }
        if (!failed && 2 <= r && r <= 6 && cmp_agent(w, verb_stems, rest, 0.8, out) < 0)
            failed = 1;
        Py_DECREF(rest);
        if (failed)
            goto fail;
    }
    Py_DECREF(tables);
    return out;
fail:
    Py_DECREF(tables);
    Py_DECREF(out);
    return NULL;
}

/* ---- light verb compounds: morphology._light_analyses_py in one call ---- */

static PyObject *light_tables;  /* set_light_tables: (nominals, ends, short heads, nouns, verb stems) */

static PyObject *
set_light_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 5
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 1))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 2)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 3))
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 4))) {
        PyErr_SetString(PyExc_TypeError, "set_light_tables: expected (dict nominals, frozenset ends, "
                        "frozenset short heads, dict nouns, dict verb stems)");
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(light_tables, tables);
    Py_RETURN_NONE;
}

/* _make(lemma, pos_out, feats, (), stem, seg, False, cost) appended to out */
static int
light_make(PyObject *out, PyObject *lemma, PyObject *pos_out, PyObject *feats, PyObject *stem, PyObject *seg,
           double cost)
{
    Py_ssize_t sl = PyUnicode_GET_LENGTH(stem);
    Py_UCS4 last = PyUnicode_READ_CHAR(stem, sl - 1);
    if (PyTuple_GET_SIZE(seg)) {
        PyObject *s0 = PyTuple_GET_ITEM(seg, 0);
        PyObject *t = PyTuple_Check(s0) && PyTuple_GET_SIZE(s0) ? PyTuple_GET_ITEM(s0, 0) : NULL;
        if (t == NULL || !PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "light_analyses: malformed suffix chain");
            return -1;
        }
        Py_ssize_t tl = PyUnicode_GET_LENGTH(t);
        Py_UCS4 c0 = tl ? PyUnicode_READ_CHAR(t, 0) : 0;
        if (last == L_E && (tl == 0 || c0 == L_K || c0 == L_W))
            cost += 0.3;
        else if (sl >= 2 && last == L_K && PyUnicode_READ_CHAR(stem, sl - 2) == L_E && tl >= 2 && c0 == L_A
                 && PyUnicode_READ_CHAR(t, 1) == 0x0646)
            cost += 0.5;
    }
    double bonus = 0.0;
    Py_ssize_t f1 = PyUnicode_Find(feats, s_vptcp, 0, PY_SSIZE_T_MAX, 1);
    Py_ssize_t f2 = f1 >= 0 ? f1 : PyUnicode_Find(feats, s_vmsdr, 0, PY_SSIZE_T_MAX, 1);
    if (f1 == -2 || f2 == -2)
        return -1;
    if (f1 >= 0 || f2 >= 0)
        bonus -= 0.01;
    double score = ((1.0 - 0.08 * cost) + bonus) + 0.001 * (double)sl;
    PyObject *empty = PyTuple_New(0);
    PyObject *c = empty ? Py_BuildValue("(dOOOOOOO)", score, lemma, pos_out, feats, empty, stem, seg, Py_False) : NULL;
    Py_XDECREF(empty);
    return append_steal(out, c);
}

static PyObject *
light_analyses(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || nargs > 2 || !PyUnicode_CheckExact(args[0])) {
        PyErr_SetString(PyExc_TypeError, "light_analyses(w: str, lex=None)");
        return NULL;
    }
    if (!light_ready || noun_tables == NULL || light_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "light_analyses: call set_light_ends, set_noun_tables and "
                        "set_light_tables first");
        return NULL;
    }
    PyObject *w = args[0];
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t max_chain = PyLong_AsSsize_t(PyTuple_GET_ITEM(noun_tables, 4));
    if (max_chain == -1 && PyErr_Occurred())
        goto fail0;
    Py_ssize_t m = n - (4 > n - max_chain ? 4 : n - max_chain);  /* the longest chain tried */
    if (m < 0)
        return out;
    int any = 0;  /* has_light_end */
    for (Py_ssize_t e = 4; e <= n && !any; e++) {
        PyObject *value;
        if (trie_walk(&trie_light, kind, data, e, 3, &value) == 3 && value != NULL)
            any = 1;
    }
    if (!any)
        return out;
    PyObject *tables = light_tables, *keys;
    Py_INCREF(tables);
    PyObject *nominals = PyTuple_GET_ITEM(tables, 0), *ends = PyTuple_GET_ITEM(tables, 1);
    PyObject *short_heads = PyTuple_GET_ITEM(tables, 2), *nouns = PyTuple_GET_ITEM(tables, 3);
    PyObject *verb_stems = PyTuple_GET_ITEM(tables, 4);
    trie_walk(&trie_noun, kind, data, n, m > n ? n : m, &keys);  /* _noun_keys()[_chain_end(w, m)] */
    if (keys == NULL || !PyTuple_Check(keys)) {
        PyErr_SetString(PyExc_KeyError, "light_analyses: a word end missing from the noun keys");
        goto fail;
    }
    Py_INCREF(keys);
    for (Py_ssize_t ki = 0; ki < PyTuple_GET_SIZE(keys); ki++) {
        PyObject *krow = PyTuple_GET_ITEM(keys, ki);
        if (!PyTuple_Check(krow) || PyTuple_GET_SIZE(krow) < 4 || !PyDict_Check(PyTuple_GET_ITEM(krow, 3))) {
            PyErr_SetString(PyExc_TypeError, "light_analyses: malformed key row");
            goto fail_keys;
        }
        Py_ssize_t klen = PyLong_AsSsize_t(PyTuple_GET_ITEM(krow, 0));
        if (klen == -1 && PyErr_Occurred())
            goto fail_keys;
        if (klen < 0 || klen > n) {
            PyErr_SetString(PyExc_ValueError, "light_analyses: malformed key length");
            goto fail_keys;
        }
        Py_ssize_t i = n - klen;
        if (i < 4)
            continue;
        PyObject *tri = PyUnicode_Substring(w, i - 3, i);
        int in_ends = tri ? PySet_Contains(ends, tri) : -1;
        Py_XDECREF(tri);
        if (in_ends < 0)
            goto fail_keys;
        if (!in_ends)
            continue;  /* no light verb form ends the stem */
        Py_UCS4 last = PyUnicode_READ(kind, data, i - 1), prev = PyUnicode_READ(kind, data, i - 2);
        int cls = stem_end_class(last, prev);
        PyObject *segs = PyDict_GetItemWithError(PyTuple_GET_ITEM(krow, 3), str_cls[cls]);
        if (segs == NULL) {
            if (PyErr_Occurred())
                goto fail_keys;
            continue;
        }
        if (!PyTuple_Check(segs)) {
            PyErr_SetString(PyExc_TypeError, "light_analyses: malformed segmentations");
            goto fail_keys;
        }
        Py_INCREF(segs);
        PyObject *stem = PyUnicode_Substring(w, 0, i);
        if (stem == NULL) {
            Py_DECREF(segs);
            goto fail_keys;
        }
        int failed = 0;
        /* _light_compound(stem): lexicon word + a nominal form of a light verb */
        Py_ssize_t kmax = i - 1 < 10 ? i - 1 : 10;
        for (Py_ssize_t k = 3; k <= kmax && !failed; k++) {
            PyObject *end = PyUnicode_Substring(stem, i - k, i);
            if (end == NULL) {
                failed = 1;
                break;
            }
            int in = PySet_Contains(ends, end);
            if (in <= 0) {
                Py_DECREF(end);
                failed = in < 0;
                break;  /* no light verb form ends with this: a longer one cannot either */
            }
            PyObject *hit = PyDict_GetItemWithError(nominals, end);
            Py_DECREF(end);
            if (hit == NULL) {
                failed = PyErr_Occurred() != NULL;
                continue;
            }
            int ht = PyObject_IsTrue(hit);
            if (ht <= 0) {
                failed = ht < 0;
                continue;
            }
            if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) < 2 || !PyUnicode_Check(PyTuple_GET_ITEM(hit, 0))
                || !PyUnicode_Check(PyTuple_GET_ITEM(hit, 1))) {
                PyErr_SetString(PyExc_TypeError, "light_analyses: malformed light nominal");
                failed = 1;
                break;
            }
            Py_INCREF(hit);
            PyObject *head = PyUnicode_Substring(stem, 0, i - k);
            int ok = head ? 1 : -1;
            if (ok > 0 && i - k < 3)
                ok = PySet_Contains(short_heads, head);
            if (ok > 0)
                ok = PyDict_Contains(nouns, head);
            if (ok > 0) {
                ok = PyDict_Contains(verb_stems, head);
                ok = ok < 0 ? -1 : !ok;
            }
            if (ok > 0) {
                PyObject *lemma = PyUnicode_Concat(head, PyTuple_GET_ITEM(hit, 0));
                PyObject *feats = PyTuple_GET_ITEM(hit, 1);
                if (lemma == NULL)
                    ok = -1;
                for (Py_ssize_t si = 0; ok > 0 && si < PyTuple_GET_SIZE(segs); si++) {
                    PyObject *srow = PyTuple_GET_ITEM(segs, si);
                    if (!PyTuple_Check(srow) || PyTuple_GET_SIZE(srow) < 5 || !PyTuple_Check(PyTuple_GET_ITEM(srow, 0))) {
                        PyErr_SetString(PyExc_TypeError, "light_analyses: malformed segmentation");
                        ok = -1;
                        break;
                    }
                    PyObject *seg = PyTuple_GET_ITEM(srow, 0);
                    double cost = PyFloat_AsDouble(PyTuple_GET_ITEM(srow, 1));
                    int der = cost == -1.0 && PyErr_Occurred() ? -1 : PyObject_IsTrue(PyTuple_GET_ITEM(srow, 4));
                    if (der < 0) {
                        ok = -1;
                        break;
                    }
                    if (der) {  /* a participle + یی is a noun: یەکگرتوویی */
                        PyObject *s0 = PyTuple_GET_SIZE(seg) ? PyTuple_GET_ITEM(seg, 0) : NULL;
                        if (s0 == NULL || !PyTuple_Check(s0) || PyTuple_GET_SIZE(s0) < 1
                            || !PyUnicode_Check(PyTuple_GET_ITEM(s0, 0))) {
                            PyErr_SetString(PyExc_TypeError, "light_analyses: malformed derivation");
                            ok = -1;
                            break;
                        }
                        if (PyUnicode_Compare(PyTuple_GET_ITEM(s0, 0), str_yy) == 0) {
                            Py_ssize_t f = PyUnicode_Find(feats, s_vptcp, 0, PY_SSIZE_T_MAX, 1);
                            if (f == -2) {
                                ok = -1;
                                break;
                            }
                            if (f >= 0) {
                                PyObject *lem2 = PyUnicode_Concat(stem, str_yy);
                                if (lem2 == NULL || light_make(out, lem2, str_noun, str_empty, stem, seg, cost + 0.5) < 0)
                                    ok = -1;
                                Py_XDECREF(lem2);
                            }
                        }
                        continue;
                    }
                    if (light_make(out, lemma, s_verb, feats, stem, seg, cost + 0.5) < 0)
                        ok = -1;
                }
                Py_XDECREF(lemma);
            }
            Py_XDECREF(head);
            Py_DECREF(hit);
            if (ok < 0)
                failed = 1;
        }
        Py_DECREF(stem);
        Py_DECREF(segs);
        if (failed)
            goto fail_keys;
    }
    Py_DECREF(keys);
    Py_DECREF(tables);
    return out;
fail_keys:
    Py_DECREF(keys);
fail:
    Py_DECREF(tables);
fail0:
    Py_DECREF(out);
    return NULL;
}

/* ---- respellings: morphology._readable_variants_py in one call ---- */

static PyObject *s_al, *s_la, *s_h, *s_ee, *s_lye, *s_ll, *s_r, *s_rr, *s_w, *s_ww;
static PyObject *proclitics[3];  /* لە بە بۆ */

/* morphology._variants(w) (which 0) or _w_variants(w) (which 1): a new list */
static PyObject *
respellings(PyObject *w, int which)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    if (which == 0) {
        struct { PyObject *has, *lacks, *old, *new_; } rules[4] = {
            {s_al, NULL, s_al, s_la}, {s_h, s_ee, s_h, s_ee}, {s_lye, NULL, s_lye, s_ll}, {s_r, NULL, s_r, s_rr},
        };
        for (int k = 0; k < 4; k++) {
            int has = PyUnicode_Contains(w, rules[k].has);
            int lacks = has > 0 && rules[k].lacks ? PyUnicode_Contains(w, rules[k].lacks) : 0;
            if (has < 0 || lacks < 0)
                goto fail;
            if (has && !lacks && append_steal(out, PyUnicode_Replace(w, rules[k].old, rules[k].new_, -1)) < 0)
                goto fail;
        }
        Py_ssize_t f = n > 1 ? PyUnicode_Find(w, s_rr, 1, n, 1) : -1;
        if (f == -2)
            goto fail;
        if (f >= 0) {  /* w[0] + w[1:].replace("ڕ", "ر") */
            PyObject *head = PyUnicode_Substring(w, 0, 1), *tail = PyUnicode_Substring(w, 1, n);
            PyObject *rep = tail ? PyUnicode_Replace(tail, s_rr, s_r, -1) : NULL;
            PyObject *v = head && rep ? PyUnicode_Concat(head, rep) : NULL;
            Py_XDECREF(head);
            Py_XDECREF(tail);
            Py_XDECREF(rep);
            if (append_steal(out, v) < 0)
                goto fail;
        }
        return out;
    }
    Py_ssize_t f = n > 1 ? PyUnicode_Find(w, s_w, 1, n, 1) : -1;
    if (f == -2)
        goto fail;
    if (f < 0)
        return out;
    Py_ssize_t i1 = PyUnicode_Find(w, s_ww, 0, n, 1), i2 = PyUnicode_Find(w, s_ww, 0, n, -1);
    if (i1 == -2 || i2 == -2)
        goto fail;
    Py_ssize_t at[2] = {i1, i2 != i1 ? i2 : -1};
    for (int k = 0; k < 2; k++) {  /* (find <= rfind: sorted) */
        if (at[k] < 0)
            continue;
        PyObject *a = PyUnicode_Substring(w, 0, at[k]), *b = a ? PyUnicode_Substring(w, at[k] + 1, n) : NULL;
        PyObject *v = b ? PyUnicode_Concat(a, b) : NULL;
        Py_XDECREF(a);
        Py_XDECREF(b);
        if (append_steal(out, v) < 0)
            goto fail;
    }
    /* w[0] + _SINGLE_W.sub("وو", w[1:]): a و with no و ۆ ێ ی ا ە before it (within w[1:]) and no
     * و ا ە ێ ی ۆ after it is doubled */
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(2 * n));
    if (buf == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    Py_ssize_t m = 0;
    int changed = 0;
    buf[m++] = PyUnicode_READ(kind, data, 0);
    for (Py_ssize_t j = 1; j < n; j++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        buf[m++] = c;
        if (c != L_W)
            continue;
        if (j > 1) {
            Py_UCS4 p = PyUnicode_READ(kind, data, j - 1);
            if (p == L_W || p == L_O || p == L_EE || p == L_Y || p == L_A || p == L_E)
                continue;
        }
        if (j + 1 < n) {
            Py_UCS4 q = PyUnicode_READ(kind, data, j + 1);
            if (q == L_W || q == L_A || q == L_E || q == L_EE || q == L_Y || q == L_O)
                continue;
        }
        buf[m++] = L_W;
        changed = 1;
    }
    if (changed) {
        PyObject *v = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, m);
        PyMem_Free(buf);
        if (append_steal(out, v) < 0)
            goto fail;
    }
    else
        PyMem_Free(buf);
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyObject *
readable_variants(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2 || !PyUnicode_CheckExact(args[0]) || !PyLong_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "readable_variants(w: str, which: int)");
        return NULL;
    }
    if (!light_ready || noun_tables == NULL || verb_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "readable_variants: call set_light_ends, set_noun_tables and "
                        "set_verb_tables first");
        return NULL;
    }
    long which = PyLong_AsLong(args[1]);
    if (which == -1 && PyErr_Occurred())
        return NULL;
    if (which != 0 && which != 1) {
        PyErr_SetString(PyExc_ValueError, "readable_variants: which must be 0 or 1");
        return NULL;
    }
    PyObject *vs = respellings(args[0], (int)which);
    if (vs == NULL)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(vs);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(vs); k++) {
        PyObject *v = PyList_GET_ITEM(vs, k);
        PyObject *ntab = noun_tables, *vtab = verb_tables;
        if (ntab == NULL || vtab == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "readable_variants: the tables are gone");
            goto fail;
        }
        Py_INCREF(ntab);
        PyObject *nouns = noun_search(v, ntab);
        Py_DECREF(ntab);
        if (nouns == NULL)
            goto fail;
        int keep = PyList_GET_SIZE(nouns) > 0;
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        int kind = PyUnicode_KIND(v);
        const void *data = PyUnicode_DATA(v);
        for (Py_ssize_t e = 4; e <= n && !keep; e++) {  /* has_light_end */
            PyObject *value;
            if (trie_walk(&trie_light, kind, data, e, 3, &value) == 3 && value != NULL)
                keep = 1;
        }
        if (!keep) {
            vtab = verb_tables;
            if (vtab == NULL) {
                Py_DECREF(nouns);
                PyErr_SetString(PyExc_RuntimeError, "readable_variants: the tables are gone");
                goto fail;
            }
            Py_INCREF(vtab);
            PyObject *hits = verb_search(v, vtab);
            Py_DECREF(vtab);
            if (hits == NULL) {
                Py_DECREF(nouns);
                goto fail;
            }
            keep = PyList_GET_SIZE(hits) > 0;
            Py_DECREF(hits);
        }
        for (int p = 0; p < 3 && !keep && n > 4; p++) {
            Py_ssize_t t = PyUnicode_Tailmatch(v, proclitics[p], 0, n, -1);
            if (t < 0) {
                Py_DECREF(nouns);
                goto fail;
            }
            keep = (int)t;
        }
        if (keep) {
            PyObject *pair = PyTuple_Pack(2, v, nouns);
            Py_DECREF(nouns);
            if (append_steal(out, pair) < 0)
                goto fail;
        }
        else
            Py_DECREF(nouns);
    }
    Py_DECREF(vs);
    return out;
fail:
    Py_DECREF(vs);
    Py_DECREF(out);
    return NULL;
}

/* ---- the guess: morphology._guess_py in one call ---- */

static PyObject *guess_tables;  /* set_guess_tables: (the _GUESS_KEYS memo, _guess_keys) */
static PyObject *s_x, *seg_ez;  /* "X", (("ی", "EZ", "LGSPEC1"),) */

static PyObject *
set_guess_tables(PyObject *self, PyObject *tables)
{
    (void)self;
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 2 || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0))
        || !PyCallable_Check(PyTuple_GET_ITEM(tables, 1))) {
        PyErr_SetString(PyExc_TypeError, "set_guess_tables: expected (dict memo, callable end -> keys)");
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(guess_tables, tables);
    Py_RETURN_NONE;
}

/* _make(stem, pos, "", (), stem, seg, True, cost): a guess */
static PyObject *
guess_make(PyObject *stem, PyObject *pos, PyObject *seg, double cost)
{
    Py_ssize_t sl = PyUnicode_GET_LENGTH(stem);
    if (PyTuple_GET_SIZE(seg)) {
        PyObject *s0 = PyTuple_GET_ITEM(seg, 0);
        PyObject *t = PyTuple_Check(s0) && PyTuple_GET_SIZE(s0) ? PyTuple_GET_ITEM(s0, 0) : NULL;
        if (t == NULL || !PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "guess: malformed suffix chain");
            return NULL;
        }
        Py_ssize_t tl = PyUnicode_GET_LENGTH(t);
        Py_UCS4 c0 = tl ? PyUnicode_READ_CHAR(t, 0) : 0;
        Py_UCS4 last = sl ? PyUnicode_READ_CHAR(stem, sl - 1) : 0;
        if (sl && last == L_E && (tl == 0 || c0 == L_K || c0 == L_W))
            cost += 0.3;
        else if (sl >= 2 && last == L_K && PyUnicode_READ_CHAR(stem, sl - 2) == L_E && tl >= 2 && c0 == L_A
                 && PyUnicode_READ_CHAR(t, 1) == 0x0646)
            cost += 0.5;
    }
    double score = ((0.2 - 0.08 * cost) + 0.0) + 0.001 * (double)sl;
    PyObject *empty = PyTuple_New(0);
    PyObject *c = empty ? Py_BuildValue("(dOOOOOOO)", score, stem, pos, str_empty, empty, stem, seg, Py_True) : NULL;
    Py_XDECREF(empty);
    return c;
}

static PyObject *
guess(PyObject *self, PyObject *w)
{
    (void)self;
    if (!PyUnicode_CheckExact(w)) {
        PyErr_SetString(PyExc_TypeError, "guess: w must be a str");
        return NULL;
    }
    if (noun_tables == NULL || guess_tables == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "guess: call set_noun_tables and set_guess_tables first");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    PyObject *tables = guess_tables, *value;
    Py_INCREF(tables);
    Py_ssize_t j = trie_walk(&trie_noun, kind, data, n, n, &value);  /* _chain_end(w, n) */
    PyObject *end = PyUnicode_Substring(w, n - j, n), *keys = NULL, *best = NULL;
    if (end == NULL)
        goto done;
    keys = PyDict_GetItemWithError(PyTuple_GET_ITEM(tables, 0), end);
    if (keys != NULL)
        Py_INCREF(keys);
    else if (!PyErr_Occurred())
        keys = PyObject_CallOneArg(PyTuple_GET_ITEM(tables, 1), end);
    Py_DECREF(end);
    if (keys == NULL)
        goto done;
    if (!PyTuple_Check(keys)) {
        PyErr_SetString(PyExc_TypeError, "guess: the keys of an end must be a tuple");
        goto done;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(keys); k++) {  /* the longest chain first */
        PyObject *row = PyTuple_GET_ITEM(keys, k);
        if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 2 || !PyDict_Check(PyTuple_GET_ITEM(row, 1))) {
            PyErr_SetString(PyExc_TypeError, "guess: malformed key row");
            goto done;
        }
        Py_ssize_t klen = PyLong_AsSsize_t(PyTuple_GET_ITEM(row, 0));
        if (klen == -1 && PyErr_Occurred())
            goto done;
        if (klen < 0 || klen > n) {
            PyErr_SetString(PyExc_ValueError, "guess: malformed key length");
            goto done;
        }
        Py_ssize_t i = n - klen;
        if (i < 3)
            continue;
        Py_UCS4 last = PyUnicode_READ(kind, data, i - 1), prev = PyUnicode_READ(kind, data, i - 2);
        int cls = stem_end_class(last, prev);
        PyObject *seg = PyDict_GetItemWithError(PyTuple_GET_ITEM(row, 1), str_cls[cls]);
        if (seg == NULL) {
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        if (!PyTuple_Check(seg)) {
            PyErr_SetString(PyExc_TypeError, "guess: malformed segmentation");
            goto done;
        }
        /* _glide_ek(stem, w[i:]): ەک after a glide ی (but not ەکە، ەکان) */
        if (klen >= 2 && PyUnicode_READ(kind, data, i) == L_E && last == L_Y
            && (prev == L_A || prev == L_E || prev == L_O || prev == L_EE || prev == L_W)
            && PyUnicode_READ(kind, data, i + 1) == L_K) {
            int ek_e = klen >= 3 && PyUnicode_READ(kind, data, i + 2) == L_E;
            int ekan = klen >= 4 && PyUnicode_READ(kind, data, i + 2) == L_A && PyUnicode_READ(kind, data, i + 3) == 0x0646;
            if (!ek_e && !ekan)
                continue;
        }
        Py_INCREF(seg);
        PyObject *stem = PyUnicode_Substring(w, 0, i);
        if (stem != NULL)
            best = guess_make(stem, str_noun, seg, (double)PyTuple_GET_SIZE(seg));
        Py_XDECREF(stem);
        Py_DECREF(seg);
        goto done;
    }
    if (n >= 4 && PyUnicode_READ(kind, data, n - 1) == L_Y) {  /* بودجەی، مافخوازیی */
        Py_UCS4 p = PyUnicode_READ(kind, data, n - 2);  /* in VOWELS ("اەۆێیوۊ") */
        if (p == L_A || p == L_E || p == L_O || p == L_EE || p == L_Y || p == L_W || p == L_WW) {
            PyObject *stem = PyUnicode_Substring(w, 0, n - 1);
            if (stem != NULL)
                best = guess_make(stem, str_noun, seg_ez, 1.5);
            Py_XDECREF(stem);
            goto done;
        }
    }
    {
        PyObject *empty = PyTuple_New(0);
        if (empty != NULL)
            best = guess_make(w, n ? str_noun : s_x, empty, 0.0);
        Py_XDECREF(empty);
    }
done:
    Py_XDECREF(keys);
    Py_DECREF(tables);
    return best;
}

static PyMethodDef methods[] = {
    {"noun_analyses", (PyCFunction)(void (*)(void))noun_analyses, METH_FASTCALL,
     "noun_analyses(w, lex=None): morphology._noun_analyses_py's candidates of a folded word."},
    {"set_noun_tables", set_noun_tables, METH_O, "The tables of noun_analyses (see morphology._compiled_noun_analyses)."},
    {"verb_hits", verb_hits, METH_O, "verb_hits(w): morphology._verb_hits_py(w)."},
    {"fold", fold, METH_O, "fold(word): morphology.fold(word) for a str, None for anything else."},
    {"set_fold_table", set_fold_table, METH_VARARGS, "set_fold_table(fold_map, final_h): the tables of fold."},
    {"head_lengths", (PyCFunction)(void (*)(void))head_lengths, METH_FASTCALL, "head_lengths(w, lo, hi): the a in lo..hi where w[:a] is a compound head."},
    {"set_heads", set_heads, METH_O, "The compound heads of head_lengths, as a dict reversed head -> True."},
    {"noun_end", (PyCFunction)(void (*)(void))noun_end, METH_FASTCALL, "noun_end(w, m): morphology._chain_end(w, m)."},
    {"has_light_end", has_light_end, METH_O, "has_light_end(w): a light verb form's three-letter end stands at some position >= 1."},
    {"set_light_ends", set_light_ends, METH_O, "The three-letter ends of has_light_end, as a dict end -> True."},
    {"set_verb_tables", set_verb_tables, METH_O, "The tables of verb_hits (see morphology._compiled_verb_hits)."},
    {"verb_analyses", (PyCFunction)(void (*)(void))verb_analyses, METH_FASTCALL,
     "verb_analyses(w, lex=None): morphology._verb_analyses_py's candidates of a folded word."},
    {"set_verb_analysis_tables", set_verb_analysis_tables, METH_O,
     "The tables of verb_analyses (see morphology._compiled_verb_analyses)."},
    {"compound", (PyCFunction)(void (*)(void))compound, METH_FASTCALL,
     "compound(w, lex=None): morphology._compound_py's candidates of a folded word."},
    {"set_compound_tables", set_compound_tables, METH_O,
     "The tables of compound: (lexicon verb stems, the POS that take no suffix)."},
    {"light_analyses", (PyCFunction)(void (*)(void))light_analyses, METH_FASTCALL,
     "light_analyses(w, lex=None): morphology._light_analyses_py's candidates of a folded word."},
    {"set_light_tables", set_light_tables, METH_O,
     "The tables of light_analyses: (light nominals, their ends, short heads, lexicon nouns, verb stems)."},
    {"readable_variants", (PyCFunction)(void (*)(void))readable_variants, METH_FASTCALL,
     "readable_variants(w, which): morphology._readable_variants_py(w, which)."},
    {"guess", guess, METH_O, "guess(w): morphology._guess_py(w)."},
    {"set_guess_tables", set_guess_tables, METH_O, "The tables of guess: (the _GUESS_KEYS memo, _guess_keys)."},
    {"word_lemmas", (PyCFunction)(void (*)(void))word_lemmas, METH_FASTCALL, "word_lemmas(text, cache, table): (the words of text, each replaced by cache[word] where present; the positions of the others)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "sorani._morph_c", "Optional compiled helper of sorani.morphology.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__morph_c(void)
{
    static const char *cls_names[5] = {"C", "V", "E", "I", "U"};
    for (int k = 0; k < 5; k++) {
        if (str_cls[k] == NULL && (str_cls[k] = PyUnicode_InternFromString(cls_names[k])) == NULL)
            return NULL;
    }
    if (str_noun == NULL && (str_noun = PyUnicode_InternFromString("NOUN")) == NULL)
        return NULL;
    if (str_empty == NULL && (str_empty = PyUnicode_InternFromString("")) == NULL)
        return NULL;
    if (str_yy == NULL && (str_yy = PyUnicode_FromString("\xDB\x8C\xDB\x8C")) == NULL)  /* یی */
        return NULL;
    static const struct { PyObject **slot; const char *text; } consts[] = {
        {&s_prs, "PRS"}, {&s_pst, "PST"}, {&s_pstv, "PSTV"}, {&s_ipfv, "IPFV"}, {&s_sbjv, "SBJV"},
        {&s_neg, "NEG"}, {&s_arg, "ARG"}, {&s_ind, "IND"}, {&s_pvb, "PVB"}, {&s_verb, "VERB"},
        {&s_buun, "\xD8\xA8\xD9\x88\xD9\x88\xD9\x86"},  /* بوون */
        {&s_dan, "\xD8\xAF\xD8\xA7\xD9\x86"},  /* دان */
        {&s_da, "\xD8\xAF\xD8\xA7"},  /* دا */
        {&s_caus, ";CAUS"}, {&s_cmp, "CMP"}, {&s_vptcp, "V.PTCP"}, {&s_vmsdr, "V.MSDR"},
        {&s_al, "\xD8\xA7\xDA\xB5"},  /* اڵ */
        {&s_la, "\xDA\xB5\xD8\xA7"},  /* ڵا */
        {&s_h, "\xD9\x87"},  /* ه */
        {&s_ee, "\xDB\x95"},  /* ە */
        {&s_lye, "\xD9\x84\xD8\xA6\xDB\x95"},  /* لئە */
        {&s_ll, "\xDA\xB5"},  /* ڵ */
        {&s_r, "\xD8\xB1"},  /* ر */
        {&s_rr, "\xDA\x95"},  /* ڕ */
        {&s_w, "\xD9\x88"},  /* و */
        {&s_ww, "\xD9\x88\xD9\x88"},  /* وو */
        {&proclitics[0], "\xD9\x84\xDB\x95"},  /* لە */
        {&proclitics[1], "\xD8\xA8\xDB\x95"},  /* بە */
        {&proclitics[2], "\xD8\xA8\xDB\x86"},  /* بۆ */
    };
    for (size_t k = 0; k < sizeof(consts) / sizeof(consts[0]); k++) {
        if (*consts[k].slot == NULL && (*consts[k].slot = PyUnicode_InternFromString(consts[k].text)) == NULL)
            return NULL;
    }
    if (s_x == NULL && (s_x = PyUnicode_InternFromString("X")) == NULL)
        return NULL;
    if (seg_ez == NULL && (seg_ez = Py_BuildValue("((sss))", "\xDB\x8C", "EZ", "LGSPEC1")) == NULL)  /* ی */
        return NULL;
    if (seg_der == NULL && (seg_der = Py_BuildValue("((sss))", "\xDB\x8C", "DER", "")) == NULL)  /* ی */
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", MORPH_C_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
