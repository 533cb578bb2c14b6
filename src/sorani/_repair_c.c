/* Optional compiled helpers of sorani.repair (built by setup.py with optional=True; without them
 * sorani.repair runs its pure-Python twins, which give exactly the same results).
 *
 * ``configure(cheap_letters, subs_arabic, subs_persian, costs)`` sets the tables once (from
 * data/repair/ambiguity.tsv and the constants of sorani.repair, read there): the letters whose
 * insertion or deletion is cheap, the substitution costs of each keyboard as (typed, standard,
 * cost) triples of letters in U+0600-U+06FF, and the channel constants.
 * ``channel_tail(typed, cand, ca, cb, ae_typed, persian_kb)`` then computes what
 * ``sorani.repair._channel_tail_py`` computes (same operations in the same order, so the same
 * doubles): the weighted edit distance after the initial-alef step, or -1.0 where the table's
 * cheapest cell passes the cut-off. ``extend_beams`` is ``_extend_beams_py``, one step of the
 * beam search of ``sorani.repair._decode_typed``, and ``score_edges`` (``_score_edges_py``) writes
 * a step's edges as it reads them. ``join_pool`` is ``_join_pool_keys_py``: the
 * known words of the keys of typed tokens written together. (The character model's C path is
 * ``sorani._spell_c.char_logps``.)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>

#define VERSION 9
#define BLOCK 0x0600
#define STACK 128

static int configured = 0;
static unsigned char cheap_letter[65536];
static double subs[2][256][256]; /* [persian_kb][typed - BLOCK][standard - BLOCK], NAN: none */
static double CHEAP, DEAR, AE_DEAR, AE_DEL, TYPED_DEL, FINAL_WAW_INS, REVERSE_COST, COST_CUTOFF;
static int HAMZA_KEEP, AE_SUB, AE_WRITTEN, AE_DRAWN;
static double AE_DRAWN_INS;

#define AE 0x06D5
#define HEH 0x0647
#define WAW 0x0648
#define OE 0x06C6
#define WAW_HAMZA 0x0624
#define HAMZA_YEH 0x0626
#define YEH 0x06CC
#define LL 0x06B5

static int fill_subs(PyObject *triples, int kb) {
    for (int a = 0; a < 256; a++)
        for (int b = 0; b < 256; b++) subs[kb][a][b] = NAN;
    PyObject *seq = PySequence_Tuple(triples); /* a copy: a callback cannot shrink it */
    if (!seq) return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        int a, b;
        double c;
        PyObject *item = PyTuple_GET_ITEM(seq, i);
        if (!PyTuple_Check(item)) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "subs must hold (typed, standard, cost) tuples");
            return -1;
        }
        if (!PyArg_ParseTuple(item, "iid", &a, &b, &c)) {
            Py_DECREF(seq);
            return -1;
        }
        if (a < BLOCK || a >= BLOCK + 256 || b < BLOCK || b >= BLOCK + 256) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError, "letter outside U+0600-U+06FF");
            return -1;
        }
        subs[kb][a - BLOCK][b - BLOCK] = c;
    }
    Py_DECREF(seq);
    return 0;
}

static PyObject *configure(PyObject *self, PyObject *args) {
    PyObject *cheap, *sa, *sp;
    if (!PyArg_ParseTuple(args, "UOO(ddddddddppdii)", &cheap, &sa, &sp, &CHEAP, &DEAR, &AE_DEAR, &AE_DEL,
                          &TYPED_DEL, &FINAL_WAW_INS, &REVERSE_COST, &COST_CUTOFF, &HAMZA_KEEP, &AE_SUB,
                          &AE_DRAWN_INS, &AE_WRITTEN, &AE_DRAWN))
        return NULL;
    configured = 0;
    memset(cheap_letter, 0, sizeof cheap_letter);
    Py_ssize_t n = PyUnicode_GET_LENGTH(cheap);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(cheap, i);
        if (c >= 65536) {
            PyErr_SetString(PyExc_ValueError, "letter outside the BMP");
            return NULL;
        }
        cheap_letter[c] = 1;
    }
    if (fill_subs(sa, 0) < 0 || fill_subs(sp, 1) < 0) return NULL;
    configured = 1;
    Py_RETURN_NONE;
}

static inline int is_cheap(Py_UCS4 c) { return c < 65536 && cheap_letter[c]; }

static inline double sub_lookup(int kb, Py_UCS4 a, Py_UCS4 b) {
    if (a < BLOCK || a >= BLOCK + 256 || b < BLOCK || b >= BLOCK + 256) return NAN;
    return subs[kb][a - BLOCK][b - BLOCK];
}

/* channel_tail(typed, cand, ca, cb, ae_typed, persian_kb): _channel_tail_py */
static PyObject *channel_tail(PyObject *self, PyObject *args) {
    PyObject *typed, *cand, *ca, *cb;
    int ae_typed, persian_kb;
    if (!PyArg_ParseTuple(args, "UUUUip", &typed, &cand, &ca, &cb, &ae_typed, &persian_kb)) return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "not configured");
        return NULL;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(typed), n = PyUnicode_GET_LENGTH(cand);
    if (PyUnicode_GET_LENGTH(ca) != m || PyUnicode_GET_LENGTH(cb) != n) {
        PyErr_SetString(PyExc_ValueError, "classes differ in length from their words");
        return NULL;
    }
    int tk = PyUnicode_KIND(typed), ck = PyUnicode_KIND(cand), cak = PyUnicode_KIND(ca),
        cbk = PyUnicode_KIND(cb);
    const void *td = PyUnicode_DATA(typed), *cd = PyUnicode_DATA(cand), *cad = PyUnicode_DATA(ca),
               *cbd = PyUnicode_DATA(cb);
    double stack[4 * STACK];
    double *buf = stack;
    Py_ssize_t cap = (m + n + 2 > STACK) ? (m + n + 2) : STACK; /* each of the four arrays */
    if (cap > STACK) {
        buf = (double *)PyMem_Malloc(sizeof(double) * 4 * cap);
        if (!buf) return PyErr_NoMemory();
    }
    double *ins = buf, *del = buf + cap, *prev = buf + 2 * cap, *cur = buf + 3 * cap;
#define T(i) PyUnicode_READ(tk, td, (i))
#define C(j) PyUnicode_READ(ck, cd, (j))
    double cheap = CHEAP, dear = DEAR;
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_UCS4 b = C(j);
        ins[j] = (is_cheap(b) && !(ae_typed == AE_WRITTEN && b == AE))
                     ? (ae_typed == AE_DRAWN && b == AE ? AE_DRAWN_INS : cheap)
                     : (b == AE ? AE_DEAR : dear);
    }
    for (Py_ssize_t j = 1; j < n; j++) {
        Py_UCS4 b = C(j);
        if (b == C(j - 1) && (b == WAW || b == YEH || b == LL)) {
            double v = cheap < ins[j] ? cheap : ins[j];
            ins[j] = v;
            ins[j - 1] = v;
        }
    }
    if (n > 0 && C(n - 1) == AE && !(m > 0 && (T(m - 1) == AE || T(m - 1) == HEH))) ins[n - 1] = dear;
    if (FINAL_WAW_INS != 0.0 && n > 2 && C(n - 1) == WAW && C(n - 2) != WAW &&
        !(m > 0 && (T(m - 1) == WAW || T(m - 1) == OE || T(m - 1) == WAW_HAMZA)))
        ins[n - 1] = FINAL_WAW_INS;
    for (Py_ssize_t j = 1; j < n; j++)
        if (C(j) == HAMZA_YEH) ins[j] = dear;
    if (n > 0 && C(0) == HAMZA_YEH && !(m > 0 && T(0) == HAMZA_YEH)) ins[0] = dear;
    Py_ssize_t last = m - 1;
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_UCS4 a = T(i);
        del[i] = (is_cheap(a) && !((i == last || ae_typed == AE_WRITTEN) && a == AE) &&
                  !((i == 0 || HAMZA_KEEP) && a == HAMZA_YEH))
                     ? cheap
                     : (a == AE ? AE_DEL : TYPED_DEL);
    }
    /* common prefix and suffix (lm.common_ends) */
    Py_ssize_t p = 0, q = 0, mn = m < n ? m : n;
    while (p < mn && T(p) == C(p)) p++;
    while (q < mn - p && T(m - 1 - q) == C(n - 1 - q)) q++;
    Py_ssize_t t0 = p, t1 = m - q, c0 = p, c1 = n - q; /* typed[t0:t1], cand[c0:c1] */
    Py_ssize_t nn = c1 - c0;
    prev[0] = 0.0;
    for (Py_ssize_t j = 1; j <= nn; j++) prev[j] = prev[j - 1] + ins[c0 + j - 1];
    int kb = persian_kb ? 1 : 0;
    double result = 0.0;
    int cut = 0;
    for (Py_ssize_t i = t0; i < t1; i++) {
        Py_UCS4 a = T(i), xa = PyUnicode_READ(cak, cad, i);
        double del_a = del[i], sub_rev, sub_dear;
        cur[0] = prev[0] + del_a;
        if (AE_SUB && a == AE && del_a >= AE_DEL) {
            sub_rev = sub_dear = del_a;
        } else {
            sub_rev = REVERSE_COST;
            sub_dear = dear;
        }
        double lo = cur[0];
        for (Py_ssize_t j = 1; j <= nn; j++) {
            Py_UCS4 b = C(c0 + j - 1);
            double s;
            if (a == b) {
                s = prev[j - 1] + 0.0;
            } else {
                double c = sub_lookup(kb, a, b);
                if (isnan(c)) c = xa == PyUnicode_READ(cbk, cbd, c0 + j - 1) ? sub_rev : sub_dear;
                s = prev[j - 1] + c;
            }
            double d = prev[j] + del_a;
            double in = cur[j - 1] + ins[c0 + j - 1];
            double v = (s <= d && s <= in) ? s : (d <= in ? d : in);
            cur[j] = v;
            if (v < lo) lo = v;
        }
        double *tmp = prev;
        prev = cur;
        cur = tmp;
        if (lo > COST_CUTOFF) {
            cut = 1;
            break;
        }
    }
    if (!cut) result = prev[nn];
#undef T
#undef C
    if (buf != stack) PyMem_Free(buf);
    return PyFloat_FromDouble(cut ? -1.0 : result);
}


/* following(table, prev): table.get(prev), the bigram counts of the words after ``prev`` (a dict;
 * a borrowed reference), NULL with no error set where it has none */
static PyObject *following(PyObject *table, PyObject *prev) {
    PyObject *after = PyDict_GetItemWithError(table, prev);
    if (after && !PyDict_Check(after)) {
        PyErr_SetString(PyExc_TypeError, "following must map words to dicts");
        return NULL;
    }
    return after;
}

/* word_logprob: sorani.lm.WordLM.logprob(word, prev, uni), the same arithmetic in the same order
 * (counts, followers: the model's tables; after: the bigram counts of the words after prev, or
 * NULL; discount: sorani.lm.DISCOUNT); 0, or -1 on error */
static int word_logprob(PyObject *word, PyObject *prev, double uni, PyObject *counts, PyObject *followers,
                        PyObject *after, double discount, double *out) {
    double c_prev = 0.0;
    PyObject *v = PyDict_GetItemWithError(counts, prev);
    if (v) {
        c_prev = PyFloat_AsDouble(v);
        if (c_prev == -1.0 && PyErr_Occurred()) return -1;
    } else if (PyErr_Occurred()) {
        return -1;
    }
    *out = uni;
    if (c_prev < 1) return 0;
    PyObject *f = PyDict_GetItemWithError(followers, prev);
    if (!f) return PyErr_Occurred() ? -1 : 0;
    double fd = PyLong_Check(f) ? PyLong_AsDouble(f) : PyFloat_AsDouble(f);
    if (fd == -1.0 && PyErr_Occurred()) return -1;
    PyObject *big = after ? PyDict_GetItemWithError(after, word) : NULL;
    double bd = 0.0;
    if (big) {
        bd = PyLong_Check(big) ? PyLong_AsDouble(big) : PyFloat_AsDouble(big);
        if (bd == -1.0 && PyErr_Occurred()) return -1;
    } else if (PyErr_Occurred()) {
        return -1;
    }
    double lam = discount * fd / c_prev;
    double x = bd - discount;
    double q = (x >= 0.0 ? x : 0.0) / c_prev + lam * exp(uni);
    if (q > 0) *out = log(q);
    return 0;
}


/* extend_beams(beams, i, states, scored, counts, followers, following, discount, lm_weight):
 * sorani.repair._extend_beams_py, one step of the beam search (states: [(prev, (score, bp))];
 * scored: [(span, outs, cost, first word, its unigram log P, exp of it, ((word, unigram), ...))];
 * following: prev -> {word: bigram count}; the words after an edge's first scored by
 * word_logprob, the arithmetic of lm.logprob) */
static PyObject *extend_beams(PyObject *self, PyObject *args) {
    PyObject *beams, *states, *scored, *counts, *followers, *table;
    Py_ssize_t i;
    double discount, lm_weight;
    if (!PyArg_ParseTuple(args, "O!nOOO!O!O!dd", &PyList_Type, &beams, &i, &states, &scored, &PyDict_Type,
                          &counts, &PyDict_Type, &followers, &PyDict_Type, &table, &discount, &lm_weight))
        return NULL;
    PyObject *st = PySequence_Tuple(states), *sc = NULL, *pos = NULL, *result = NULL;
    if (!st) return NULL;
    sc = PySequence_Tuple(scored);
    if (!sc) goto done;
    pos = PyLong_FromSsize_t(i);
    if (!pos) goto done;
    Py_ssize_t ns = PyTuple_GET_SIZE(st), ne = PyTuple_GET_SIZE(sc);
    for (Py_ssize_t a = 0; a < ns; a++) {
        PyObject *state = PyTuple_GET_ITEM(st, a);
        if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(state, 1)) ||
            PyTuple_GET_SIZE(PyTuple_GET_ITEM(state, 1)) != 2) {
            PyErr_SetString(PyExc_TypeError, "states must be (word, (score, back pointer)) tuples");
            goto done;
        }
        PyObject *prev = PyTuple_GET_ITEM(state, 0);
        double score = PyFloat_AsDouble(PyTuple_GET_ITEM(PyTuple_GET_ITEM(state, 1), 0));
        if (score == -1.0 && PyErr_Occurred()) goto done;
        double c_prev = 0.0, lam = 0.0;
        int has_lam = 0;
        PyObject *after = following(table, prev);
        if (!after && PyErr_Occurred()) goto done;
        PyObject *v = PyDict_GetItemWithError(counts, prev);
        if (v) {
            c_prev = PyFloat_AsDouble(v);
            if (c_prev == -1.0 && PyErr_Occurred()) goto done;
        } else if (PyErr_Occurred()) {
            goto done;
        }
        if (!(c_prev < 1)) {
            PyObject *f = PyDict_GetItemWithError(followers, prev);
            if (f) {
                double fd = PyLong_Check(f) ? PyLong_AsDouble(f) : PyFloat_AsDouble(f);
                if (fd == -1.0 && PyErr_Occurred()) goto done;
                lam = discount * fd / c_prev;
                has_lam = 1;
            } else if (PyErr_Occurred()) {
                goto done;
            }
        }
        for (Py_ssize_t b = 0; b < ne; b++) {
            PyObject *edge = PyTuple_GET_ITEM(sc, b);
            if (!PyTuple_Check(edge) || PyTuple_GET_SIZE(edge) != 7 || !PyTuple_Check(PyTuple_GET_ITEM(edge, 6))) {
                PyErr_SetString(PyExc_TypeError, "scored edges must be 7-tuples");
                goto done;
            }
            PyObject *span = PyTuple_GET_ITEM(edge, 0), *outs = PyTuple_GET_ITEM(edge, 1),
                     *w = PyTuple_GET_ITEM(edge, 3), *rest = PyTuple_GET_ITEM(edge, 6);
            double cost = PyFloat_AsDouble(PyTuple_GET_ITEM(edge, 2));
            double u = PyFloat_AsDouble(PyTuple_GET_ITEM(edge, 4));
            double e = PyFloat_AsDouble(PyTuple_GET_ITEM(edge, 5));
            Py_ssize_t sp = PyLong_AsSsize_t(span);
            if (PyErr_Occurred()) goto done;
            double s = score - cost;
            if (has_lam) {
                PyObject *big = after ? PyDict_GetItemWithError(after, w) : NULL;
                double q;
                if (big) {
                    int nz = PyObject_IsTrue(big);
                    if (nz < 0) goto done;
                    if (nz) {
                        double bd = PyLong_Check(big) ? PyLong_AsDouble(big) : PyFloat_AsDouble(big);
                        if (bd == -1.0 && PyErr_Occurred()) goto done;
                        double x = bd - discount;
                        q = (0.0 > x ? 0.0 : x) / c_prev + lam * e;
                    } else {
                        q = lam * e;
                    }
                } else {
                    if (PyErr_Occurred()) goto done;
                    q = lam * e;
                }
                if (q > 0) u = log(q);
            }
            s += lm_weight * u;
            PyObject *p = w;
            Py_ssize_t nr = PyTuple_GET_SIZE(rest);
            for (Py_ssize_t k = 0; k < nr; k++) {
                PyObject *pair = PyTuple_GET_ITEM(rest, k);
                if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                    PyErr_SetString(PyExc_TypeError, "rest must hold (word, unigram) tuples");
                    goto done;
                }
                double ru = PyFloat_AsDouble(PyTuple_GET_ITEM(pair, 1)), rd;
                if (ru == -1.0 && PyErr_Occurred()) goto done;
                PyObject *after_p = following(table, p);
                if (!after_p && PyErr_Occurred()) goto done;
                if (word_logprob(PyTuple_GET_ITEM(pair, 0), p, ru, counts, followers, after_p, discount, &rd) < 0)
                    goto done;
                s += lm_weight * rd;
                p = PyTuple_GET_ITEM(pair, 0);
            }
            PyObject *tgt = PyList_GetItem(beams, i + sp);
            if (!tgt) goto done;
            if (!PyDict_Check(tgt)) {
                PyErr_SetString(PyExc_TypeError, "beams must hold dicts");
                goto done;
            }
            PyObject *old = PyDict_GetItemWithError(tgt, p);
            int better = 1;
            if (old) {
                if (!PyTuple_Check(old) || PyTuple_GET_SIZE(old) < 1) {
                    PyErr_SetString(PyExc_TypeError, "beam entries must be (score, back pointer) tuples");
                    goto done;
                }
                double od = PyFloat_AsDouble(PyTuple_GET_ITEM(old, 0));
                if (od == -1.0 && PyErr_Occurred()) goto done;
                better = s > od;
            } else if (PyErr_Occurred()) {
                goto done;
            }
            if (better) {
                PyObject *bp = PyTuple_Pack(4, pos, prev, span, outs);
                if (!bp) goto done;
                PyObject *sd = PyFloat_FromDouble(s);
                if (!sd) {
                    Py_DECREF(bp);
                    goto done;
                }
                PyObject *entry = PyTuple_Pack(2, sd, bp);
                Py_DECREF(sd);
                Py_DECREF(bp);
                if (!entry) goto done;
                int rc = PyDict_SetItem(tgt, p, entry);
                Py_DECREF(entry);
                if (rc < 0) goto done;
            }
        }
    }
    result = Py_None;
    Py_INCREF(result);
done:
    Py_XDECREF(pos);
    Py_XDECREF(sc);
    Py_DECREF(st);
    return result;
}


/* score_edges(edges, counts, log_total, oov, uni): sorani.repair._score_edges_py, the edges
 * [(span, outs, cost)] of one step as extend_beams reads them: (span, outs, cost, first word, its
 * unigram log P, exp of it, ((word, unigram), ...) for the words after the first); the unigram of
 * a word of ``counts`` is log(count) - log_total (``oov`` for a count of 0), of any other word
 * ``uni(word)`` */
static PyObject *score_edges(PyObject *self, PyObject *args) {
    PyObject *edges, *counts, *uni;
    double log_total, oov;
    if (!PyArg_ParseTuple(args, "OO!ddO", &edges, &PyDict_Type, &counts, &log_total, &oov, &uni)) return NULL;
    PyObject *seq = PySequence_Tuple(edges);
    if (!seq) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    PyObject *out = PyList_New(n);
    if (!out) {
        Py_DECREF(seq);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *edge = PyTuple_GET_ITEM(seq, k), *outs, *u = NULL, *e = NULL, *rest = NULL, *item;
        if (!PyTuple_Check(edge) || PyTuple_GET_SIZE(edge) != 3 || !PyTuple_Check(PyTuple_GET_ITEM(edge, 1)) ||
            PyTuple_GET_SIZE(PyTuple_GET_ITEM(edge, 1)) < 1) {
            PyErr_SetString(PyExc_TypeError, "edges must be (span, outs, cost) with a non-empty tuple outs");
            goto fail;
        }
        outs = PyTuple_GET_ITEM(edge, 1);
        PyObject *w0 = PyTuple_GET_ITEM(outs, 0);
        PyObject *c = PyDict_GetItemWithError(counts, w0);
        if (c) {
            int known = PyObject_IsTrue(c);
            if (known < 0) goto fail;
            double cd = known ? PyFloat_AsDouble(c) : 0.0;
            if (cd == -1.0 && PyErr_Occurred()) goto fail;
            u = PyFloat_FromDouble(known ? log(cd) - log_total : oov);
        } else {
            if (PyErr_Occurred()) goto fail;
            u = PyObject_CallOneArg(uni, w0);
        }
        if (!u) goto fail;
        double ud = PyFloat_AsDouble(u);
        if (ud == -1.0 && PyErr_Occurred()) goto fail_u;
        e = PyFloat_FromDouble(exp(ud));
        if (!e) goto fail_u;
        Py_ssize_t nr = PyTuple_GET_SIZE(outs) - 1;
        rest = PyTuple_New(nr);
        if (!rest) goto fail_u;
        for (Py_ssize_t r = 0; r < nr; r++) {
            PyObject *w = PyTuple_GET_ITEM(outs, r + 1), *wu = PyObject_CallOneArg(uni, w);
            if (!wu) goto fail_u;
            PyObject *pair = PyTuple_Pack(2, w, wu);
            Py_DECREF(wu);
            if (!pair) goto fail_u;
            PyTuple_SET_ITEM(rest, r, pair);
        }
        item = PyTuple_Pack(7, PyTuple_GET_ITEM(edge, 0), outs, PyTuple_GET_ITEM(edge, 2), w0, u, e, rest);
        Py_DECREF(u);
        Py_DECREF(e);
        Py_DECREF(rest);
        if (!item) goto fail;
        PyList_SET_ITEM(out, k, item);
        continue;
    fail_u:
        Py_XDECREF(u);
        Py_XDECREF(e);
        Py_XDECREF(rest);
        goto fail;
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

#define JOIN_KEYS 16  /* keys of a join built at most (before the doubled letters read once) */

/* the key with each run of one letter of ``collapse`` (a str) read once (KeyScheme.key of a
 * string made of keys: their letters map to themselves); a new reference, NULL on error */
static PyObject *collapse_runs(PyObject *k, PyObject *collapse) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(k), m = 0;
    int kind = PyUnicode_KIND(k);
    const void *data = PyUnicode_DATA(k);
    int runs = 0;
    for (Py_ssize_t i = 1; i < n && !runs; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == PyUnicode_READ(kind, data, i - 1) && PyUnicode_FindChar(collapse, c, 0, PyUnicode_GET_LENGTH(collapse), 1) >= 0)
            runs = 1;
    }
    if (!runs) {
        Py_INCREF(k);
        return k;
    }
    Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (n ? n : 1));
    if (!buf) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (m > 0 && buf[m - 1] == c && PyUnicode_FindChar(collapse, c, 0, PyUnicode_GET_LENGTH(collapse), 1) >= 0)
            continue;
        buf[m++] = c;
    }
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, m);
    PyMem_Free(buf);
    return out;
}

static void clear_keys(PyObject **keys, int n) {
    for (int i = 0; i < n; i++) Py_CLEAR(keys[i]);
}

/* join_pool(pool, piece_keys, index, prefixes, collapse): sorani.repair._join_pool_keys_py (pool:
 * the dict filled; piece_keys: the typed keys of each token; index: key -> words; prefixes: the
 * proper beginnings of its keys; collapse: the letters whose runs a key reads once) */
static PyObject *join_pool(PyObject *self, PyObject *args) {
    PyObject *pool, *pieces, *index, *prefixes, *collapse;
    if (!PyArg_ParseTuple(args, "O!OO!OU", &PyDict_Type, &pool, &pieces, &PyDict_Type, &index, &prefixes,
                          &collapse))
        return NULL;
    if (!PyAnySet_Check(prefixes)) {
        PyErr_SetString(PyExc_TypeError, "prefixes must be a set");
        return NULL;
    }
    PyObject *seq = PySequence_Tuple(pieces);
    if (!seq) return NULL;
    PyObject *keys[2 * JOIN_KEYS], *next[2 * JOIN_KEYS];
    int nk = 1, nn = 0, ok = 0;
    keys[0] = PyUnicode_New(0, 0);
    if (!keys[0]) {
        Py_DECREF(seq);
        return NULL;
    }
    Py_ssize_t np = PyTuple_GET_SIZE(seq);
    for (Py_ssize_t step = 0; step < np; step++) {
        PyObject *pk = PyTuple_GET_ITEM(seq, step);
        if (!PyTuple_Check(pk)) {
            PyErr_SetString(PyExc_TypeError, "piece keys must be tuples of str");
            goto done;
        }
        Py_ssize_t nx = PyTuple_GET_SIZE(pk);
        nn = 0;
        for (int a = 0; a < nk && nn < JOIN_KEYS; a++)
            for (Py_ssize_t b = 0; b < nx && nn < JOIN_KEYS; b++) {
                PyObject *x = PyTuple_GET_ITEM(pk, b);
                if (!PyUnicode_Check(x)) {
                    PyErr_SetString(PyExc_TypeError, "piece keys must be tuples of str");
                    goto done;
                }
                next[nn] = PyUnicode_Concat(keys[a], x);
                if (!next[nn]) goto done;
                nn++;
            }
        int full = nn;
        for (int a = 0; a < full; a++) { /* a letter doubled at the end also read once */
            Py_ssize_t len = PyUnicode_GET_LENGTH(next[a]);
            if (len > 1 && PyUnicode_READ_CHAR(next[a], len - 1) == PyUnicode_READ_CHAR(next[a], len - 2)) {
                next[nn] = PyUnicode_Substring(next[a], 0, len - 1);
                if (!next[nn]) goto done;
                nn++;
            }
        }
        clear_keys(keys, nk);
        memcpy(keys, next, sizeof(PyObject *) * nn);
        nk = nn;
        nn = 0;
        if (step < np - 1) { /* does any key begin a key of the index? */
            int begins = 0;
            for (int a = 0; a < nk && !begins; a++) {
                PyObject *c = collapse_runs(keys[a], collapse);
                if (!c) goto done;
                int r = PySet_Contains(prefixes, c);
                if (r == 0) r = PyDict_Contains(index, c);
                Py_DECREF(c);
                if (r < 0) goto done;
                begins = r;
            }
            if (!begins) {
                ok = 1;
                goto done;
            }
        }
    }
    PyObject *seen[2 * JOIN_KEYS];
    int ns = 0;
    for (int a = 0; a < nk; a++) {
        PyObject *c = collapse_runs(keys[a], collapse);
        if (!c) {
            clear_keys(seen, ns);
            goto done;
        }
        int dup = 0;
        for (int b = 0; b < ns && !dup; b++) {
            int r = PyUnicode_Compare(seen[b], c);
            if (r == -1 && PyErr_Occurred()) {
                Py_DECREF(c);
                clear_keys(seen, ns);
                goto done;
            }
            dup = r == 0;
        }
        if (dup) {
            Py_DECREF(c);
            continue;
        }
        seen[ns++] = c;
        PyObject *found = PyDict_GetItemWithError(index, c);
        if (!found) {
            if (PyErr_Occurred()) {
                clear_keys(seen, ns);
                goto done;
            }
            continue;
        }
        PyObject *words = PySequence_Tuple(found);
        if (!words) {
            clear_keys(seen, ns);
            goto done;
        }
        for (Py_ssize_t b = 0; b < PyTuple_GET_SIZE(words); b++)
            if (!PyDict_SetDefault(pool, PyTuple_GET_ITEM(words, b), Py_None)) {
                Py_DECREF(words);
                clear_keys(seen, ns);
                goto done;
            }
        Py_DECREF(words);
    }
    clear_keys(seen, ns);
    ok = 1;
done:
    clear_keys(next, nn);
    clear_keys(keys, nk);
    Py_DECREF(seq);
    if (!ok) return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"configure", configure, METH_VARARGS, "Set the channel tables."},
    {"channel_tail", channel_tail, METH_VARARGS, "Keyboard channel cost of a typed word and a candidate."},
    {"extend_beams", extend_beams, METH_VARARGS, "One step of the repair beam search."},
    {"score_edges", score_edges, METH_VARARGS, "The edges of one repair beam step with their unigrams."},
    {"join_pool", join_pool, METH_VARARGS, "Known words of the keys of typed tokens written together."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_repair_c",
                                       "Compiled helpers of sorani.repair.", -1, methods,
                                       NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__repair_c(void) {
    PyObject *m = PyModule_Create(&moduledef);
    if (m && PyModule_AddIntConstant(m, "VERSION", VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
