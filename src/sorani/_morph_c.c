/* Optional compiled helper of sorani.morphology: the noun search, the same results as the
 * pure-Python path (morphology._noun_analyses_py), faster.
 *
 * set_noun_tables(tables) -> None
 *   Keeps ``tables``, the tuple (entries_of, keys_of, tails, agent, max_chain) that
 *   morphology._noun_impl() builds: ``entries_of`` = morphology._noun_entries(), ``keys_of`` =
 *   morphology._noun_keys(), ``tails`` = the frozenset morphology._tails("noun"), ``agent`` a
 *   callable (w, stem, weak) -> the activity-noun candidate or None (rare: Python builds it),
 *   ``max_chain`` = MAX_NOUN_CHAIN. The candidates are the tuples the Python loop makes, in the
 *   same order, with the same float arithmetic (IEEE doubles, same operation order).
 *
 * noun_analyses(w, lex=None) -> list of candidates
 *   The candidates of the folded word ``w`` (``lex`` is ignored: the signature of the Python
 *   function it replaces). RuntimeError before set_noun_tables.
 *
 * The work is linear in the length of the word: at most ``max_chain`` substrings are looked up.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define MORPH_C_VERSION 1

static PyObject *str_cls[5];   /* "C" "V" "E" "I" "U" */
static PyObject *str_noun;     /* "NOUN" */
static PyObject *str_empty;    /* "" */
static PyObject *str_yy;       /* "یی" */
static PyObject *noun_tables;  /* set_noun_tables */

/* Sorani letters used by the search */
#define L_E 0x06D5      /* ە */
#define L_Y 0x06CC      /* ی */
#define L_W 0x0648      /* و */
#define L_A 0x0627      /* ا */
#define L_O 0x06C6      /* ۆ */
#define L_EE 0x06CE     /* ێ */
#define L_K 0x06A9      /* ک */
#define L_WW 0x06CA     /* ۊ */

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

static PyObject *
set_noun_tables(PyObject *self, PyObject *tables)
{
    if (!PyTuple_CheckExact(tables) || PyTuple_GET_SIZE(tables) != 5
        || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 0)) || !PyDict_CheckExact(PyTuple_GET_ITEM(tables, 1))
        || !PyAnySet_CheckExact(PyTuple_GET_ITEM(tables, 2)) || !PyCallable_Check(PyTuple_GET_ITEM(tables, 3))
        || !PyLong_CheckExact(PyTuple_GET_ITEM(tables, 4))) {
        PyErr_SetString(PyExc_TypeError,
                        "set_noun_tables: expected (dict entries, dict keys, frozenset tails, agent callable, int)");
        return NULL;
    }
    Py_INCREF(tables);
    Py_XSETREF(noun_tables, tables);
    Py_RETURN_NONE;
}

static PyObject *
noun_analyses(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
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

    /* the longest word end (at most m letters) in tails */
    Py_ssize_t m = n > max_chain ? max_chain : n - 1;
    Py_ssize_t j = 0;
    while (j < m) {
        PyObject *sub = PyUnicode_Substring(w, n - j - 1, n);
        if (sub == NULL)
            goto error;
        int in = PySet_Contains(tails, sub);
        Py_DECREF(sub);
        if (in < 0)
            goto error;
        if (!in)
            break;
        j++;
    }
    PyObject *key = PyUnicode_Substring(w, n - j, n);
    if (key == NULL)
        goto error;
    PyObject *keys = PyDict_GetItemWithError(keys_of, key);  /* borrowed */
    if (keys == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        Py_DECREF(key);
        goto error;
    }
    Py_DECREF(key);
    if (!PyTuple_Check(keys)) {
        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed key table");
        goto error;
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
        /* stem ends in ەک (for X+ەکان, not Xەک+ان) */
        int stem_ek = i >= 2 && PyUnicode_READ(kind, data, i - 2) == L_E && last == L_K;
        if (entry != NULL) {
            /* (stem[-2:-1] is "" for a one-letter stem, and "" is in any string) */
            if (glide && last == L_Y && (i < 2 || prev == L_A || prev == L_E || prev == L_O || prev == L_EE || prev == L_W)) {
                Py_DECREF(stem);
                continue;  /* _glide_ek */
            }
            if (!tuple_len_at_least(entry, 4)) {
                Py_DECREF(stem);
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
                goto error_keys;
            }
        }
        if (an && last != L_E) {  /* ناوچە + ان → ناوچان */
            PyObject *stem_e = PyUnicode_FromOrdinal(L_E);
            PyObject *full = stem_e ? PyUnicode_Concat(stem, stem_e) : NULL;
            Py_XDECREF(stem_e);
            if (full == NULL) {
                Py_DECREF(stem);
                goto error_keys;
            }
            PyObject *entry2 = PyDict_GetItemWithError(entries_of, full);
            Py_DECREF(full);
            if (entry2 == NULL && PyErr_Occurred()) {
                Py_DECREF(stem);
                goto error_keys;
            }
            if (entry2 != NULL) {
                if (!tuple_len_at_least(entry2, 4) || !PyTuple_Check(PyTuple_GET_ITEM(entry2, 3))) {
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_TypeError, "noun_analyses: malformed entry");
                    Py_DECREF(stem);
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
                    goto error_keys;
                }
            }
        }
        Py_DECREF(stem);
    }
    Py_DECREF(keys);
    return out;
error_keys:
    Py_DECREF(keys);
error:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"noun_analyses", (PyCFunction)(void (*)(void))noun_analyses, METH_FASTCALL,
     "noun_analyses(w, lex=None): morphology._noun_analyses_py's candidates of a folded word."},
    {"set_noun_tables", set_noun_tables, METH_O, "The tables of noun_analyses (see morphology._noun_impl)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "sorani._morph_c", "Optional compiled helper of sorani.morphology.", -1, methods,
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
