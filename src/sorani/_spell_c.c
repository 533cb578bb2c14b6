/* Optional compiled helpers of sorani.spell (built by setup.py with optional=True; without them
 * sorani.spell runs its pure-Python twins, which give exactly the same results).
 *
 * ``configure(letters, subs, indels, doubles, edit, confusable, transpose, free_final)`` sets the
 * cost tables once (from data/repair/spelling.tsv and keyboard.tsv, read by sorani.spell);
 * ``cost(a, b)`` then computes what ``sorani.spell._cost_py`` computes (same operations in the same
 * order, so the same doubles). Letters outside ``letters`` have no table entry: any substitution
 * or insertion/deletion of them is a full edit.
 * ``known_affixed`` = ``_known_affixed_py``, ``first_known_stem`` = the first stem of
 * ``sorani.lm.iter_affix_stems`` in a set, ``compound_known`` = ``_compound_py``, ``approx_best`` =
 * ``_approx_best_py``, ``near_frequent`` = ``_near_frequent_py``, ``rare_count`` =
 * ``_rare_count_py``, ``char_logps`` = ``sorani._charlm.CharLM.logps``: the tables are passed in by
 * the caller (sets, dicts of the word list), every argument type-checked.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>

#define VERSION 10
#define MAXLETTERS 255

static int configured = 0;
static unsigned char letter_index[65536]; /* code point -> table index (0 = none) */
static double sub_cost[MAXLETTERS + 1][MAXLETTERS + 1];
static double indel_cost[MAXLETTERS + 1];
static unsigned char is_double[MAXLETTERS + 1];
static double EDIT = 1.0, CONFUSABLE = 0.3, TRANSPOSE = 0.7;
static Py_UCS4 FREE_FINAL = 0; /* the final letter whose deletion is not a full edit (ە) */

static inline int idx(Py_UCS4 c) { return c < 65536 ? letter_index[c] : 0; }

static PyObject *configure(PyObject *self, PyObject *args) {
    PyObject *letters, *subs, *indels, *doubles, *free_final;
    double edit, confusable, transpose;
    if (!PyArg_ParseTuple(args, "UOOUdddU", &letters, &subs, &indels, &doubles, &edit, &confusable,
                          &transpose, &free_final))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(letters);
    if (n > MAXLETTERS) {
        PyErr_SetString(PyExc_ValueError, "too many letters");
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(free_final) != 1) {
        PyErr_SetString(PyExc_ValueError, "free_final must be one letter");
        return NULL;
    }
    /* the new tables are built aside (a tuple copy of each sequence: a callback run by a
     * conversion cannot change what is read) and installed only when every entry is valid, so a
     * failed call leaves the previous configuration in force */
    static unsigned char new_index[65536];
    static double new_sub[MAXLETTERS + 1][MAXLETTERS + 1];
    static double new_indel[MAXLETTERS + 1];
    static unsigned char new_double[MAXLETTERS + 1];
    memset(new_index, 0, sizeof(new_index));
    memset(new_double, 0, sizeof(new_double));
    for (int i = 0; i <= MAXLETTERS; i++) {
        new_indel[i] = edit;
        for (int j = 0; j <= MAXLETTERS; j++) new_sub[i][j] = edit;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(letters, i);
        if (c >= 65536 || new_index[c]) {
            PyErr_SetString(PyExc_ValueError, "letters must be distinct BMP characters");
            return NULL;
        }
        new_index[c] = (unsigned char)(i + 1);
    }
    PyObject *seq = PySequence_Tuple(subs);
    if (!seq) return NULL;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(seq); k++) {
        int i, j;
        double c;
        PyObject *item = PyTuple_GET_ITEM(seq, k);
        if (!PyTuple_Check(item)) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "substitution entries must be (int, int, float) tuples");
            return NULL;
        }
        if (!PyArg_ParseTuple(item, "iid", &i, &j, &c) || i < 1 || j < 1 || i > n || j > n) {
            Py_DECREF(seq);
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "bad substitution entry");
            return NULL;
        }
        new_sub[i][j] = c;
    }
    Py_DECREF(seq);
    seq = PySequence_Tuple(indels);
    if (!seq) return NULL;
    if (PyTuple_GET_SIZE(seq) != n) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "one indel cost per letter");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        double c = PyFloat_AsDouble(PyTuple_GET_ITEM(seq, k));
        if (c == -1.0 && PyErr_Occurred()) {
            Py_DECREF(seq);
            return NULL;
        }
        new_indel[k + 1] = c;
    }
    Py_DECREF(seq);
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(doubles); k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(doubles, k);
        int i = c < 65536 ? new_index[c] : 0;
        if (!i) {
            PyErr_SetString(PyExc_ValueError, "doubled letters must be among the letters");
            return NULL;
        }
        new_double[i] = 1;
    }
    memcpy(letter_index, new_index, sizeof(letter_index));
    memcpy(sub_cost, new_sub, sizeof(sub_cost));
    memcpy(indel_cost, new_indel, sizeof(indel_cost));
    memcpy(is_double, new_double, sizeof(is_double));
    EDIT = edit;
    CONFUSABLE = confusable;
    TRANSPOSE = transpose;
    FREE_FINAL = PyUnicode_READ_CHAR(free_final, 0);
    configured = 1;
    Py_RETURN_NONE;
}

/* insertion/deletion costs of w[start..end) (absolute positions), as _indel_costs: the second
 * letter of a doubled pair is cheap, a final letter (when at_end) a full edit unless FREE_FINAL */
static void indel_costs(const Py_UCS4 *w, Py_ssize_t start, Py_ssize_t end, int at_end, double *out) {
    Py_UCS4 prev = start ? w[start - 1] : (Py_UCS4)-1;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 x = w[i];
        int ix = idx(x);
        if (x == prev && is_double[ix])
            out[i - start] = CONFUSABLE;
        else if (at_end && i == end - 1 && x != FREE_FINAL)
            out[i - start] = EDIT;
        else
            out[i - start] = indel_cost[ix];
        prev = x;
    }
}

static PyObject *cost(PyObject *self, PyObject *args) {
    PyObject *ao, *bo;
    if (!PyArg_ParseTuple(args, "UU", &ao, &bo)) return NULL;
    if (!configured) {
        PyErr_SetString(PyExc_RuntimeError, "configure() first");
        return NULL;
    }
    Py_ssize_t na = PyUnicode_GET_LENGTH(ao), nb = PyUnicode_GET_LENGTH(bo);
    Py_UCS4 *a = PyUnicode_AsUCS4Copy(ao);
    if (!a) return NULL;
    Py_UCS4 *b = PyUnicode_AsUCS4Copy(bo);
    if (!b) {
        PyMem_Free(a);
        return NULL;
    }
    double result = 0.0;
    double *buf = NULL;
    /* common prefix p and suffix q (not overlapping), as sorani.lm.common_ends */
    Py_ssize_t m = na < nb ? na : nb, p = 0, q = 0;
    while (p < m && a[p] == b[p]) p++;
    if (p == na && p == nb) goto done; /* a == b */
    while (q < m - p && a[na - 1 - q] == b[nb - 1 - q]) q++;
    {
        Py_ssize_t s = p ? p - 1 : 0; /* one common letter of context kept before the middles */
        int context = p > 0, at_end = q == 0;
        Py_ssize_t ctx = context ? 1 : 0;
        /* the middles: a[s .. na-q), b[s .. nb-q); their letters from s+ctx on are edited */
        Py_ssize_t ea = na - q, eb = nb - q;
        Py_ssize_t la = ea - s - ctx, lb = eb - s - ctx;
        Py_ssize_t sa = s + ctx; /* first edited position */
        buf = PyMem_Malloc(sizeof(double) * (size_t)(la + 4 * (lb + 1) + 2));
        if (!buf) {
            PyMem_Free(a);
            PyMem_Free(b);
            return PyErr_NoMemory();
        }
        double *del_a = buf, *ins_b = buf + la, *prev = ins_b + lb + 1, *cur = prev + lb + 1,
               *prev2 = cur + lb + 1;
        /* the indel costs see the middle strings only (context letter included) */
        indel_costs(a + s, ctx, ea - s, at_end, del_a);
        indel_costs(b + s, ctx, eb - s, at_end, ins_b);
        if (la == 1 && lb == 1) {
            Py_UCS4 x = a[sa], y = b[sa];
            int ix = idx(x), iy = idx(y);
            double sc = (ix && iy) ? sub_cost[ix][iy] : EDIT;
            double t = del_a[0] + ins_b[0];
            result = sc < t ? sc : t;
            goto done;
        }
        if (!la) {
            for (Py_ssize_t j = 0; j < lb; j++) result += ins_b[j];
            goto done;
        }
        if (!lb) {
            for (Py_ssize_t i = 0; i < la; i++) result += del_a[i];
            goto done;
        }
        const Py_UCS4 *A = a + sa, *B = b + sa;
        prev[0] = 0.0;
        for (Py_ssize_t j = 1; j <= lb; j++) prev[j] = prev[j - 1] + ins_b[j - 1];
        int have_prev2 = 0;
        for (Py_ssize_t i = 1; i <= la; i++) {
            Py_UCS4 x = A[i - 1];
            int ix = idx(x);
            double dx = del_a[i - 1];
            double left = prev[0] + dx;
            cur[0] = left;
            int has_before = i > 1;
            Py_UCS4 before = has_before ? A[i - 2] : 0;
            for (Py_ssize_t j = 1; j <= lb; j++) {
                Py_UCS4 y = B[j - 1];
                double sc;
                if (x == y)
                    sc = 0.0;
                else {
                    int iy = idx(y);
                    sc = (ix && iy) ? sub_cost[ix][iy] : EDIT;
                }
                double v = prev[j - 1] + sc;
                double t = prev[j] + dx;
                if (t < v) v = t;
                t = left + ins_b[j - 1];
                if (t < v) v = t;
                if (has_before && before == y && j > 1 && x == B[j - 2] && have_prev2) {
                    t = prev2[j - 2] + TRANSPOSE;
                    if (t < v) v = t;
                }
                cur[j] = v;
                left = v;
            }
            double *tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
            have_prev2 = 1;
        }
        result = prev[lb];
    }
done:
    PyMem_Free(buf);
    PyMem_Free(a);
    PyMem_Free(b);
    return PyFloat_FromDouble(result);
}


/* known_affixed(w, known, sufs, pres, heads, longest, e): sorani.spell._known_affixed_py with
 * its tables passed in (known, sufs, heads: sets of str; pres: dict str -> tuple of str; e: ە) */
/* 1 / 0 / -1 (error) */
static int ka(PyObject *w, PyObject *known, PyObject *sufs, PyObject *pres, PyObject *heads,
              Py_ssize_t longest, PyObject *eo, PyObject **out) {
    Py_UCS4 E = PyUnicode_READ_CHAR(eo, 0);
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (n > 40) return 0;
    Py_ssize_t ends[48];
    if (longest < 0 || longest > 40) longest = 40;
    int nends = 0;
    Py_ssize_t i0 = n - longest;
    if (i0 < 2) i0 = 2;
    for (Py_ssize_t i = i0; i <= n; i++) {
        PyObject *tail = PyUnicode_Substring(w, i, n);
        if (!tail) return -1;
        int r = PySet_Contains(sufs, tail);
        Py_DECREF(tail);
        if (r < 0) return -1;
        if (r) ends[nends++] = i;
    }
    if (!nends) return 0;
    Py_ssize_t jmax = n - 1 < 10 ? n - 1 : 10;
    int found = 0;
    for (Py_ssize_t j = 0; j < jmax && !found; j++) {
        PyObject *head = PyUnicode_Substring(w, 0, j);
        if (!head) return -1;
        PyObject *keep = PyDict_GetItemWithError(pres, head); /* borrowed */
        if (!keep) {
            if (PyErr_Occurred()) {
                Py_DECREF(head);
                return -1;
            }
            int r = PySet_Contains(heads, head);
            Py_DECREF(head);
            if (r < 0) return -1;
            if (!r) break;
            continue;
        }
        Py_DECREF(head);
        if (!PyTuple_Check(keep)) {
            PyErr_SetString(PyExc_TypeError, "pres values must be tuples");
            return -1;
        }
        Py_INCREF(keep);
        for (int e = 0; e < nends && !found; e++) {
            Py_ssize_t i = ends[e];
            if (i - j < 2 || (j == 0 && i == n)) continue;
            PyObject *core = PyUnicode_Substring(w, j, i);
            if (!core) {
                Py_DECREF(keep);
                return -1;
            }
            int add_e = PyUnicode_READ_CHAR(w, i - 1) != E && i < n && PyUnicode_READ_CHAR(w, i) != E;
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(keep) && !found; k++) {
                PyObject *stem = PyUnicode_Concat(PyTuple_GET_ITEM(keep, k), core);
                if (!stem) {
                    Py_DECREF(core);
                    Py_DECREF(keep);
                    return -1;
                }
                int r = PySet_Contains(known, stem);
                if (r > 0 && out) {
                    Py_INCREF(stem);
                    *out = stem;
                }
                if (r == 0 && add_e) {
                    PyObject *se = PyUnicode_Concat(stem, eo);
                    if (!se)
                        r = -1;
                    else {
                        r = PySet_Contains(known, se);
                        if (r > 0 && out) {
                            Py_INCREF(se);
                            *out = se;
                        }
                        Py_DECREF(se);
                    }
                }
                Py_DECREF(stem);
                if (r < 0) {
                    Py_DECREF(core);
                    Py_DECREF(keep);
                    return -1;
                }
                if (r) found = 1;
            }
            Py_DECREF(core);
        }
        Py_DECREF(keep);
    }
    return found;
}

static int ka_args(PyObject *args, Py_ssize_t first, PyObject **known, PyObject **sufs, PyObject **pres,
                   PyObject **heads, Py_ssize_t *longest, PyObject **eo) {
    PyObject *rest = PyTuple_GetSlice(args, first, PyTuple_GET_SIZE(args));
    if (!rest) return -1;
    int ok = PyArg_ParseTuple(rest, "O!O!O!O!nU", &PyFrozenSet_Type, known, &PyFrozenSet_Type, sufs,
                              &PyDict_Type, pres, &PyFrozenSet_Type, heads, longest, eo);
    Py_DECREF(rest);
    if (!ok) return -1;
    if (PyUnicode_GET_LENGTH(*eo) != 1) {
        PyErr_SetString(PyExc_ValueError, "e must be one letter");
        return -1;
    }
    return 0;
}

/* the arguments (w, known, sufs, pres, heads, longest, e) of known_affixed and first_known_stem
 * read, then ka(): its verdict, or -1 on error */
static int ka_call(PyObject *args, const char *name, PyObject **out) {
    PyObject *w, *known, *sufs, *pres, *heads, *eo;
    Py_ssize_t longest;
    if (PyTuple_GET_SIZE(args) != 7) {
        PyErr_Format(PyExc_TypeError, "%s takes 7 arguments", name);
        return -1;
    }
    w = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(w)) {
        PyErr_SetString(PyExc_TypeError, "w must be str");
        return -1;
    }
    if (ka_args(args, 1, &known, &sufs, &pres, &heads, &longest, &eo) < 0) return -1;
    return ka(w, known, sufs, pres, heads, longest, eo, out);
}

/* known_affixed(w, known, sufs, pres, heads, longest, e): sorani.spell._known_affixed_py */
static PyObject *known_affixed(PyObject *self, PyObject *args) {
    int r = ka_call(args, "known_affixed", NULL);
    if (r < 0) return NULL;
    return PyBool_FromLong(r);
}

/* first_known_stem(w, known, sufs, pres, heads, longest, e): the first stem of w (in the order of
 * sorani.lm.iter_affix_stems) that is in known, or None */
static PyObject *first_known_stem(PyObject *self, PyObject *args) {
    PyObject *out = NULL;
    if (ka_call(args, "first_known_stem", &out) < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    if (out) return out;
    Py_RETURN_NONE;
}

/* compound_known(w, counts, vocab, min_part, min_count, known, sufs, pres, heads, longest, e):
 * the compound rule of sorani.spell._check_py: w[:j] seen (count >= min_count) and w[j:] in
 * vocab or known_affixed, for min_part <= j <= len(w) - min_part */
static PyObject *compound_known(PyObject *self, PyObject *args) {
    PyObject *w, *counts, *vocab, *known, *sufs, *pres, *heads, *eo;
    Py_ssize_t min_part, longest;
    double min_count;
    if (PyTuple_GET_SIZE(args) != 11) {
        PyErr_SetString(PyExc_TypeError, "compound_known takes 11 arguments");
        return NULL;
    }
    PyObject *head = PyTuple_GetSlice(args, 0, 5);
    if (!head) return NULL;
    int ok = PyArg_ParseTuple(head, "UO!O!nd", &w, &PyDict_Type, &counts, &PyFrozenSet_Type, &vocab,
                              &min_part, &min_count);
    Py_DECREF(head);
    if (!ok) return NULL;
    if (ka_args(args, 5, &known, &sufs, &pres, &heads, &longest, &eo) < 0) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (min_part < 1) min_part = 1;
    for (Py_ssize_t j = min_part; j <= n - min_part; j++) {
        PyObject *a = PyUnicode_Substring(w, 0, j);
        if (!a) return NULL;
        PyObject *c = PyDict_GetItemWithError(counts, a); /* borrowed */
        Py_DECREF(a);
        if (!c) {
            if (PyErr_Occurred()) return NULL;
            continue;
        }
        double cv = PyFloat_AsDouble(c);
        if (cv == -1.0 && PyErr_Occurred()) return NULL;
        if (!(cv >= min_count)) continue;
        PyObject *b = PyUnicode_Substring(w, j, n);
        if (!b) return NULL;
        int r = PySet_Contains(vocab, b);
        if (r == 0) r = ka(b, known, sufs, pres, heads, longest, eo, NULL);
        Py_DECREF(b);
        if (r < 0) return NULL;
        if (r) Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}


/* w[:i] + x + w[j:] (x NULL: nothing between): the one-letter deletions and insertions of the
 * candidate searches */
static PyObject *splice(PyObject *w, Py_ssize_t i, Py_ssize_t j, PyObject *x) {
    PyObject *a = PyUnicode_Substring(w, 0, i);
    if (!a) return NULL;
    if (x) {
        PyObject *t = PyUnicode_Concat(a, x);
        Py_DECREF(a);
        if (!t) return NULL;
        a = t;
    }
    PyObject *b = PyUnicode_Substring(w, j, PyUnicode_GET_LENGTH(w));
    if (!b) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *out = PyUnicode_Concat(a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    return out;
}

/* add the words of didx[key] to approx (c -> cost): cost(c) gives the cost; mode 0 = keep the
 * first cost found, mode 1 = keep the least */
static int add_found(PyObject *approx, PyObject *didx, PyObject *key, int mode, double same,
                     double other, Py_ssize_t n_key) {
    PyObject *found = PyDict_GetItemWithError(didx, key); /* borrowed */
    if (!found) return PyErr_Occurred() ? -1 : 0;
    if (!PyTuple_Check(found)) {
        PyErr_SetString(PyExc_TypeError, "index values must be tuples");
        return -1;
    }
    Py_INCREF(found); /* a lookup may run Python code that changes didx */
    int status = -1;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(found); k++) {
        PyObject *c = PyTuple_GET_ITEM(found, k);
        double a;
        if (mode == 0) {
            int r = PyDict_Contains(approx, c);
            if (r < 0) goto done;
            if (r) continue;
            a = PyUnicode_Check(c) && PyUnicode_GET_LENGTH(c) == n_key ? same : other;
        } else {
            int eq = PyUnicode_Check(c) && PyUnicode_Compare(c, key) == 0;
            if (PyErr_Occurred()) goto done;
            a = eq ? same : other;
            PyObject *old = PyDict_GetItemWithError(approx, c);
            if (!old && PyErr_Occurred()) goto done;
            if (old ? !(a < PyFloat_AS_DOUBLE(old)) : !(a < 9.0)) continue;
        }
        PyObject *v = PyFloat_FromDouble(a);
        if (!v) goto done;
        int r = PyDict_SetItem(approx, c, v);
        Py_DECREF(v);
        if (r < 0) goto done;
    }
    status = 0;
done:
    Py_DECREF(found);
    return status;
}

/* approx_best(w, didx, inserts, prior, edit, keep): sorani.spell._approx_best_py (the
 * symmetric-delete candidates of w and their approximate costs; the keep best by cost minus
 * prior, ties by text) */
static PyObject *approx_best(PyObject *self, PyObject *args) {
    PyObject *w, *didx, *inserts, *prior;
    double edit;
    Py_ssize_t keep;
    if (!PyArg_ParseTuple(args, "UO!OO!dn", &w, &PyDict_Type, &didx, &inserts, &PyDict_Type, &prior,
                          &edit, &keep))
        return NULL;
    if (keep < 0 || keep > 64) {
        PyErr_SetString(PyExc_ValueError, "keep must be in 0..64");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    PyObject *approx = PyDict_New();
    if (!approx) return NULL;
    PyObject *ins = NULL, *result = NULL, *best[64];
    double bscore[64];
    Py_ssize_t nbest = 0;
    if (n <= 25) {
        if (add_found(approx, didx, w, 0, 0.0 * edit, edit, n) < 0) goto fail;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *d = splice(w, i, i + 1, NULL);
            if (!d) goto fail;
            int r = add_found(approx, didx, d, 0, edit, edit, n - 1);
            Py_DECREF(d);
            if (r < 0) goto fail;
        }
        if (n >= 2 && n <= 20) {
            /* a tuple copy: a callback run by a lookup cannot free the entries read */
            ins = PySequence_Tuple(inserts);
            if (!ins) goto fail;
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(ins); k++) {
                PyObject *x, *item = PyTuple_GET_ITEM(ins, k);
                double ic;
                if (!PyTuple_Check(item)) {
                    PyErr_SetString(PyExc_TypeError, "inserts must be (str, float) tuples");
                    goto fail;
                }
                if (!PyArg_ParseTuple(item, "Ud", &x, &ic)) goto fail;
                for (Py_ssize_t i = 1; i < n; i++) {
                    PyObject *v = splice(w, i, i, x);
                    if (!v) goto fail;
                    int r = add_found(approx, didx, v, 1, ic, ic + edit, 0);
                    Py_DECREF(v);
                    if (r < 0) goto fail;
                }
            }
        }
    }
    {
        Py_ssize_t pos = 0;
        PyObject *c, *av;
        while (PyDict_Next(approx, &pos, &c, &av)) {
            PyObject *pv = PyDict_GetItemWithError(prior, c);
            if (!pv) {
                if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, c);
                goto fail;
            }
            double p = PyFloat_AsDouble(pv);
            if (p == -1.0 && PyErr_Occurred()) goto fail;
            double sc = PyFloat_AS_DOUBLE(av) - p;
            /* insertion into the sorted best list: (score, text) ascending */
            Py_ssize_t at = nbest;
            while (at > 0) {
                int less;
                if (sc < bscore[at - 1])
                    less = 1;
                else if (sc > bscore[at - 1])
                    less = 0;
                else {
                    int cmp = PyUnicode_Compare(c, best[at - 1]);
                    if (cmp == -1 && PyErr_Occurred()) goto fail;
                    less = cmp < 0;
                }
                if (!less) break;
                at--;
            }
            if (at >= keep) continue;
            if (nbest == keep) nbest--; /* the last one falls off */
            for (Py_ssize_t m = nbest; m > at; m--) {
                best[m] = best[m - 1];
                bscore[m] = bscore[m - 1];
            }
            best[at] = c;
            bscore[at] = sc;
            nbest++;
        }
    }
    result = PyList_New(nbest);
    if (!result) goto fail;
    for (Py_ssize_t m = 0; m < nbest; m++) {
        Py_INCREF(best[m]);
        PyList_SET_ITEM(result, m, best[m]);
    }
fail:
    Py_XDECREF(ins);
    Py_DECREF(approx);
    return result;
}


/* collect into `near` (a set) the words of didx[key] */
static int near_add(PyObject *near, PyObject *didx, PyObject *key) {
    PyObject *found = PyDict_GetItemWithError(didx, key); /* borrowed */
    if (!found) return PyErr_Occurred() ? -1 : 0;
    if (!PyTuple_Check(found)) {
        PyErr_SetString(PyExc_TypeError, "index values must be tuples");
        return -1;
    }
    Py_INCREF(found); /* adding to the set may run Python code that changes didx */
    int status = 0;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(found) && !status; k++)
        if (PySet_Add(near, PyTuple_GET_ITEM(found, k)) < 0) status = -1;
    Py_DECREF(found);
    return status;
}

/* near_frequent(w, didx, counts, min_count, keep): sorani.spell._near_frequent_py (the words of
 * the delete index one deletion from w or from a string one deletion from w, count >= min_count,
 * the keep most frequent, ties by text) */
static PyObject *near_frequent(PyObject *self, PyObject *args) {
    PyObject *w, *didx, *counts;
    double min_count;
    Py_ssize_t keep;
    if (!PyArg_ParseTuple(args, "UO!O!dn", &w, &PyDict_Type, &didx, &PyDict_Type, &counts, &min_count,
                          &keep))
        return NULL;
    if (keep < 0 || keep > 64) {
        PyErr_SetString(PyExc_ValueError, "keep must be in 0..64");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    PyObject *near = PySet_New(NULL), *result = NULL, *best[64];
    double bcount[64];
    Py_ssize_t nbest = 0;
    if (!near) return NULL;
    if (near_add(near, didx, w) < 0) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = splice(w, i, i + 1, NULL);
        if (!d) goto fail;
        int r = near_add(near, didx, d);
        Py_DECREF(d);
        if (r < 0) goto fail;
    }
    {
        PyObject *it = PyObject_GetIter(near), *c;
        if (!it) goto fail;
        /* the set keeps every word alive: the borrowed references in best stay valid */
        while ((c = PyIter_Next(it)) != NULL) {
            Py_DECREF(c);
            PyObject *cv = PyDict_GetItemWithError(counts, c);
            if (!cv) {
                if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, c);
                Py_DECREF(it);
                goto fail;
            }
            double k = PyFloat_AsDouble(cv);
            if (k == -1.0 && PyErr_Occurred()) {
                Py_DECREF(it);
                goto fail;
            }
            if (!(k >= min_count)) continue;
            /* sorted by (-count, text) ascending */
            Py_ssize_t at = nbest;
            while (at > 0) {
                int less;
                if (-k < -bcount[at - 1])
                    less = 1;
                else if (-k > -bcount[at - 1])
                    less = 0;
                else {
                    int cmp = PyUnicode_Compare(c, best[at - 1]);
                    if (cmp == -1 && PyErr_Occurred()) {
                        Py_DECREF(it);
                        goto fail;
                    }
                    less = cmp < 0;
                }
                if (!less) break;
                at--;
            }
            if (at >= keep) continue;
            if (nbest == keep) nbest--;
            for (Py_ssize_t m = nbest; m > at; m--) {
                best[m] = best[m - 1];
                bcount[m] = bcount[m - 1];
            }
            best[at] = c;
            bcount[at] = k;
            nbest++;
        }
        Py_DECREF(it);
        if (PyErr_Occurred()) goto fail;
    }
    result = PyList_New(nbest);
    if (!result) goto fail;
    for (Py_ssize_t m = 0; m < nbest; m++) {
        Py_INCREF(best[m]);
        PyList_SET_ITEM(result, m, best[m]);
    }
fail:
    Py_DECREF(near);
    return result;
}

/* rare_count(c, w, common): sorani.spell._rare_count_py (how many letter pairs of c, each
 * occurrence, are neither in the set common nor written in w) */
static PyObject *rare_count(PyObject *self, PyObject *args) {
    PyObject *c, *w, *common;
    if (!PyArg_ParseTuple(args, "UUO!", &c, &w, &PyFrozenSet_Type, &common)) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(c), m = PyUnicode_GET_LENGTH(w), count = 0;
    int ck = PyUnicode_KIND(c), wk = PyUnicode_KIND(w);
    const void *cd = PyUnicode_DATA(c), *wd = PyUnicode_DATA(w);
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        Py_UCS4 a = PyUnicode_READ(ck, cd, i), b = PyUnicode_READ(ck, cd, i + 1);
        int in_w = 0;
        for (Py_ssize_t j = 0; j + 1 < m && !in_w; j++)
            in_w = PyUnicode_READ(wk, wd, j) == a && PyUnicode_READ(wk, wd, j + 1) == b;
        if (in_w) continue;
        PyObject *pair = PyUnicode_Substring(c, i, i + 2);
        if (!pair) return NULL;
        int r = PySet_Contains(common, pair);
        Py_DECREF(pair);
        if (r < 0) return NULL;
        if (!r) count++;
    }
    return PyLong_FromSsize_t(count);
}

/* char_logps(s, n, start, end, ctx, p0, discount): sorani._charlm.CharLM.logps: the tuple of the
 * natural logs of P(s[k + n] | s[k:k + n]) for k in [start, end), each the interpolated
 * absolute-discounting estimate of CharLM._p (ctx: history -> (1 / count, weight of the lower
 * order, letter -> count); p0: the uniform base probability), computed with the same operations
 * in the same order (same doubles); memo (optional): window s[k:k + n + 1] -> its value, read
 * and filled as CharLM._logp does (cleared when it holds memo_size) */
static PyObject *char_logps(PyObject *self, PyObject *args) {
    PyObject *s, *ctx, *memo = NULL;
    Py_ssize_t n, start, end, memo_size = 0;
    double p0, discount;
    if (!PyArg_ParseTuple(args, "UnnnO!dd|O!n", &s, &n, &start, &end, &PyDict_Type, &ctx, &p0, &discount,
                          &PyDict_Type, &memo, &memo_size))
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (n < 0 || start < 0 || end < start || end + n > len) {
        PyErr_SetString(PyExc_ValueError, "char_logps: window out of range");
        return NULL;
    }
    PyObject *out = PyTuple_New(end - start), *ch = NULL, *win = NULL;
    if (!out) return NULL;
    for (Py_ssize_t k = start; k < end; k++) {
        if (memo) {
            win = PyUnicode_Substring(s, k, k + n + 1);
            if (!win) goto fail;
            PyObject *known = PyDict_GetItemWithError(memo, win);
            if (known) {
                Py_INCREF(known);
                PyTuple_SET_ITEM(out, k - start, known);
                Py_CLEAR(win);
                continue;
            }
            if (PyErr_Occurred()) goto fail;
        }
        double p = p0;
        ch = PyUnicode_Substring(s, k + n, k + n + 1);
        if (!ch) goto fail;
        for (Py_ssize_t j = n; j >= 0; j--) { /* history s[k + j:k + n], shortest first */
            PyObject *h = PyUnicode_Substring(s, k + j, k + n);
            if (!h) goto fail;
            PyObject *info = PyDict_GetItemWithError(ctx, h);
            Py_DECREF(h);
            if (!info) {
                if (PyErr_Occurred()) goto fail;
                break;
            }
            if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 3 || !PyDict_Check(PyTuple_GET_ITEM(info, 2))) {
                PyErr_SetString(PyExc_TypeError, "char_logps: ctx values must be (float, float, dict)");
                goto fail;
            }
            double inv = PyFloat_AsDouble(PyTuple_GET_ITEM(info, 0));
            double weight = PyFloat_AsDouble(PyTuple_GET_ITEM(info, 1));
            if (PyErr_Occurred()) goto fail;
            PyObject *cobj = PyDict_GetItemWithError(PyTuple_GET_ITEM(info, 2), ch);
            double c = 0.0;
            if (cobj) {
                long v = PyLong_AsLong(cobj);
                if (v == -1 && PyErr_Occurred()) goto fail;
                c = (double)v;
            } else if (PyErr_Occurred()) {
                goto fail;
            }
            if (c > discount) {
                double t = (c - discount) * inv;
                double u = weight * p;
                p = t + u;
            } else {
                p = weight * p;
            }
        }
        Py_CLEAR(ch);
        PyObject *lp = PyFloat_FromDouble(log(p));
        if (!lp) goto fail;
        PyTuple_SET_ITEM(out, k - start, lp);
        if (memo) {
            if (PyDict_GET_SIZE(memo) >= memo_size) PyDict_Clear(memo);
            int rc = PyDict_SetItem(memo, win, lp);
            Py_CLEAR(win);
            if (rc < 0) goto fail;
        }
    }
    return out;
fail:
    Py_XDECREF(ch);
    Py_XDECREF(win);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"char_logps", char_logps, METH_VARARGS, "Log probabilities of the char model over a window."},
    {"rare_count", rare_count, METH_VARARGS, "Letter pairs of a word neither common nor in another."},
    {"configure", configure, METH_VARARGS, "Set the cost tables."},
    {"cost", cost, METH_VARARGS, "Keyboard-aware weighted edit distance of two words."},
    {"approx_best", approx_best, METH_VARARGS, "Best symmetric-delete candidates of a word."},
    {"compound_known", compound_known, METH_VARARGS, "Is the word a compound of known words?"},
    {"near_frequent", near_frequent, METH_VARARGS, "Most frequent words near a word."},
    {"first_known_stem", first_known_stem, METH_VARARGS, "First known stem of the word."},
    {"known_affixed", known_affixed, METH_VARARGS, "Is a stem of the word (affixes stripped) known?"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "_spell_c",
                                       "Compiled helpers of sorani.spell.", -1, methods,
                                       NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__spell_c(void) {
    PyObject *m = PyModule_Create(&moduledef);
    if (m && PyModule_AddIntConstant(m, "VERSION", VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
