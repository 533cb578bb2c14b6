/* Optional compiled helper of sorani.morphology: the noun search, the same results as the
 * pure-Python path (morphology._noun_analyses_py), faster.
 *
 * set_noun_tables(tables) -> None
 *   Keeps ``tables``, the tuple (entries_of, keys_of, tails, agent, max_chain) that
 *   morphology._compiled_noun_analyses() builds: ``entries_of`` = morphology._noun_entries(), ``keys_of`` =
 *   morphology._noun_keys(), ``tails`` = the frozenset morphology._tails("noun"), ``agent`` a
 *   callable (w, stem, weak) -> the activity-noun candidate or None (rare: Python builds it),
 *   ``max_chain`` = MAX_NOUN_CHAIN. The candidates are the tuples the Python loop makes, in the
 *   same order, with the same float arithmetic (IEEE doubles, same operation order).
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

#define MORPH_C_VERSION 8

static PyObject *str_cls[5];   /* "C" "V" "E" "I" "U" */
static PyObject *str_noun;     /* "NOUN" */
static PyObject *str_empty;    /* "" */
static PyObject *str_yy;       /* "یی" */
static PyObject *noun_tables;  /* set_noun_tables */
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
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 5
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 1))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 2)) || !PyCallable_Check(PyTuple_GET_ITEM(tables, 3))
        || !PyLong_CheckExact(PyTuple_GET_ITEM(tables, 4))) {
        PyErr_SetString(PyExc_TypeError,
                        "set_noun_tables: expected (dict entries, dict keys, frozenset tails, agent callable, int)");
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
        int cls;
        Py_UCS4 prev = i > 1 ? PyUnicode_READ(kind, data, i - 2) : 0;
        if (last == L_W && i > 1 && (prev == L_A || prev == L_E || prev == L_O || prev == L_EE || prev == L_Y))
            cls = 0;
        else if (last == L_E)
            cls = 2;
        else if (last == L_Y)
            cls = 3;
        else if (last == L_W)
            cls = 4;
        else if (last == L_A || last == L_O || last == L_EE || last == L_WW)
            cls = 1;
        else
            cls = 0;
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

#define L_R 0x0631      /* ر */
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
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", MORPH_C_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
