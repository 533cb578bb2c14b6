/*
 * sorani._facts_c: the optional compiled word scan of sorani.entities.gazetteer (``_scan``), used
 * by sorani.facts.extract_facts and the entity tagger. The pure-Python path
 * (``sorani.entities.gazetteer._scan``) stays and gives the same words; tests compare the two.
 *
 * scan(text, forms, make_forms, pool, out, word_type, slots) -> (units, starts, ends, at, merged,
 *                                                                 fkeys, fbits)
 *
 *   Splits ``text`` as ``_SPLIT_WORD.split`` does (units: an Arabic-script word with its marks,
 *   a Latin word, a number with its separators, or one other character; gaps: white space,
 *   marks and invisible characters), looks up the (folded form, key, kind) of each distinct
 *   unit in the dict ``forms``, calls ``make_forms(list of the units not in it)`` once (it must
 *   add them to ``forms``), then appends one word a unit to the list ``out``: the words at the
 *   end of the list ``pool`` first (they are taken out of it), then new ``word_type`` objects.
 *   Each word's five slots (start, end, f, key, kind: the member descriptors ``slots`` of
 *   ``word_type``) are set. Returns the dict unit -> ascending word indices, the list of unit
 *   starts followed by len(text), the list of unit ends, and the key index of
 *   ``sorani.entities.tagger._KeyIndex``: the dict key -> ascending word indices (in the order of
 *   each key's first unit; the list of a key of one unit is that unit's list) and the set of the
 *   keys of several units.
 *   A ``forms`` value may carry a fourth item, an int of query bits for its key
 *   (``sorani.entities.gazetteer.key_query``): the keys of ``at`` whose bits are not 0, in the
 *   order of ``at``, are ``fkeys``, and their bits ``fbits``.
 *   Time and memory linear in the length of ``text``.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* character classes of the unit pattern (see sorani.entities.gazetteer._WORD) */
static int
is_letter(Py_UCS4 c)  /* sorani._chars.AR_LETTER */
{
    if (c < 0x0620)
        return 0;
    if (c <= 0x06ff)
        return (c <= 0x063f) || (c >= 0x0641 && c <= 0x064a) || c == 0x066e || c == 0x066f
            || (c >= 0x0671 && c <= 0x06d3) || c == 0x06d5 || c == 0x06ee || c == 0x06ef
            || (c >= 0x06fa && c <= 0x06fc) || c == 0x06ff;
    return (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdfb)
        || (c >= 0xfe70 && c <= 0xfefc);
}

static int
is_mark(Py_UCS4 c)  /* gazetteer._AR_MARK */
{
    return (c >= 0x0610 && c <= 0x061a) || c == 0x0640 || (c >= 0x064b && c <= 0x065f) || c == 0x0670
        || (c >= 0x06d6 && c <= 0x06ed) || c == 0x200c || c == 0x200d;
}

static int
is_digit(Py_UCS4 c)
{
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

static int
is_latin(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_gap(Py_UCS4 c)  /* a character no unit starts with */
{
    return Py_UNICODE_ISSPACE(c) || is_mark(c) || c == 0x200b || c == 0x200e || c == 0x200f || c == 0xfeff;
}

typedef struct {
    Py_ssize_t start, end;
    Py_ssize_t d;  /* index of its distinct unit */
} unit_t;

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch((const void *)(p), 1, 3)
#else
#define PREFETCH(p) ((void)(p))
#endif
#define PREFETCH_AHEAD 8

/* the seed of the unit hash: the hash of a str, randomized per process as Python's own (so that
   no fixed set of units makes the table's probes long) */
static size_t hash_seed = 0;

typedef struct {  /* a distinct unit: its first occurrence, bytes, hash, words, list */
    Py_ssize_t start, end, count;
    size_t nbytes, hash;
    PyObject *list;
} dist_t;

/* the units of text[0:n]: *out (PyMem) and their number, or -1 (MemoryError set) */
static Py_ssize_t
split_units(int kind, const void *data, Py_ssize_t n, unit_t **out)
{
    Py_ssize_t cap = 64, m = 0, i = 0;
    unit_t *u = PyMem_New(unit_t, cap);
    if (u == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t j;
        if (is_letter(c)) {
            j = i + 1;
            while (j < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, j);
                if (!is_letter(d) && !is_mark(d))
                    break;
                j++;
            }
        }
        else if (is_latin(c)) {
            j = i + 1;
            while (j < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, j);
                if (!is_latin(d) && !is_digit(d))
                    break;
                j++;
            }
        }
        else if (is_digit(c)) {
            j = i + 1;
            for (;;) {
                while (j < n && is_digit(PyUnicode_READ(kind, data, j)))
                    j++;
                if (j + 1 < n) {
                    Py_UCS4 s = PyUnicode_READ(kind, data, j);
                    if ((s == '.' || s == ',' || s == 0x066b || s == 0x066c)
                        && is_digit(PyUnicode_READ(kind, data, j + 1))) {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
        }
        else if (!is_gap(c)) {
            j = i + 1;
        }
        else {
            i++;
            continue;
        }
        if (m == cap) {
            Py_ssize_t ncap = cap * 2;
            unit_t *nu = (ncap > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(unit_t)) ? NULL : PyMem_Resize(u, unit_t, ncap);
            if (nu == NULL) {
                PyMem_Free(u);
                PyErr_NoMemory();
                return -1;
            }
            u = nu;
            cap = ncap;
        }
        u[m].start = i;
        u[m].end = j;
        u[m].d = -1;
        m++;
        i = j;
    }
    *out = u;
    return m;
}

/* the ints below INT_CACHE, made once and shared (ints are immutable): word indices and the
   offsets of most texts recur in every call */
#define INT_CACHE 65536
static PyObject *int_cache[INT_CACHE];

static PyObject *
small_int(Py_ssize_t i)  /* a new reference */
{
    if (i >= 0 && i < INT_CACHE) {
        PyObject *v = int_cache[i];
        if (v == NULL) {
            v = PyLong_FromSsize_t(i);
            if (v == NULL)
                return NULL;
            int_cache[i] = v;  /* (the cache's reference) */
        }
        Py_INCREF(v);
        return v;
    }
    return PyLong_FromSsize_t(i);
}

static int
check_info(PyObject *info)
{
    if (!PyTuple_CheckExact(info) || PyTuple_GET_SIZE(info) < 3 || PyTuple_GET_SIZE(info) > 4) {
        PyErr_SetString(PyExc_TypeError, "scan: forms values must be (form, key, kind[, bits]) tuples");
        return -1;
    }
    return 0;
}

/* a slot of a word: the object field at ``off`` (checked by ``slot_offset``) set to ``value``,
   as the member descriptor sets it */
static void
set_slot(PyObject *obj, Py_ssize_t off, PyObject *value)
{
    PyObject **field = (PyObject **)((char *)obj + off);
    PyObject *old = *field;
    Py_INCREF(value);
    *field = value;
    Py_XDECREF(old);
}

/* the offset of the object slot of a member descriptor of ``type``, or -1 (TypeError set) */
static Py_ssize_t
slot_offset(PyObject *descr, PyTypeObject *type)
{
    if (!PyObject_TypeCheck(descr, &PyMemberDescr_Type) || ((PyDescrObject *)descr)->d_type != type) {
        PyErr_SetString(PyExc_TypeError, "scan: slots must be member descriptors of word_type");
        return -1;
    }
    PyMemberDef *def = ((PyMemberDescrObject *)descr)->d_member;
    if (def->type != T_OBJECT_EX || (def->flags & READONLY) || def->offset < (Py_ssize_t)sizeof(PyObject)
        || def->offset + (Py_ssize_t)sizeof(PyObject *) > type->tp_basicsize) {
        PyErr_SetString(PyExc_TypeError, "scan: slots must be writable object slots of word_type");
        return -1;
    }
    return def->offset;
}

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *text, *forms, *make_forms, *pool, *out, *slots;
    PyTypeObject *word_type;
    Py_ssize_t sl[5];
    if (!PyArg_ParseTuple(args, "UO!OOO!O!O!:scan", &text, &PyDict_Type, &forms, &make_forms, &pool,
                          &PyList_Type, &out, &PyType_Type, &word_type, &PyTuple_Type, &slots))
        return NULL;
    if (pool != Py_None && !PyList_Check(pool)) {
        PyErr_SetString(PyExc_TypeError, "scan: pool must be a list or None");
        return NULL;
    }
    if (!PyCallable_Check(make_forms)) {
        PyErr_SetString(PyExc_TypeError, "scan: make_forms must be callable");
        return NULL;
    }
    if (word_type->tp_new != PyBaseObject_Type.tp_new || word_type->tp_itemsize != 0
        || word_type->tp_alloc == NULL) {
        PyErr_SetString(PyExc_TypeError, "scan: word_type must be a plain class with __slots__");
        return NULL;
    }
    if (PyTuple_GET_SIZE(slots) != 5) {
        PyErr_SetString(PyExc_TypeError, "scan: slots must be 5 member descriptors");
        return NULL;
    }
    for (int k = 0; k < 5; k++) {
        sl[k] = slot_offset(PyTuple_GET_ITEM(slots, k), word_type);
        if (sl[k] < 0)
            return NULL;
    }
    Py_INCREF(text);  /* (held while the callback runs) */
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    unit_t *u = NULL;
    Py_ssize_t *table = NULL;
    dist_t *dist = NULL;
    PyObject *units = NULL, *distinct = NULL, *dinfo = NULL, *missing = NULL, *starts = NULL, *ends = NULL;
    PyObject *reused = NULL, *result = NULL, *got, *at = NULL, *merged = NULL, *fkeys = NULL, *fbits = NULL;
    Py_ssize_t m = split_units(PyUnicode_KIND(text), PyUnicode_DATA(text), n, &u);
    if (m < 0)
        goto done;
    units = PyDict_New();
    distinct = PyList_New(0);
    starts = PyList_New(m + 1);
    ends = PyList_New(m);
    if (units == NULL || distinct == NULL || starts == NULL || ends == NULL)
        goto done;
    /* the distinct units (first occurrence order): an open-addressing table over the text's
       code units (equal units of one string are equal bytes), then one str and one list each */
    {
        int kind = PyUnicode_KIND(text);
        const char *data = (const char *)PyUnicode_DATA(text);
        Py_ssize_t cap = 64, ndist = 0, dcap = 16;
        while (cap < 2 * m && cap < PY_SSIZE_T_MAX / 4)
            cap *= 2;
        table = PyMem_New(Py_ssize_t, cap);
        dist = PyMem_New(dist_t, dcap);
        if (table == NULL || dist == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        for (Py_ssize_t k = 0; k < cap; k++)
            table[k] = -1;
        size_t mask = (size_t)cap - 1;
        for (Py_ssize_t i = 0; i < m; i++) {
            const char *p = data + u[i].start * kind;
            size_t nbytes = (size_t)(u[i].end - u[i].start) * (size_t)kind;
            size_t h = 1469598103934665603u ^ hash_seed;  /* FNV-1a over the bytes, seeded, mixed */
            for (size_t b = 0; b < nbytes; b++)
                h = (h ^ (unsigned char)p[b]) * 1099511628211u;
            h ^= h >> 31;
            h *= 0x9e3779b97f4a7c15u;
            h ^= h >> 29;
            size_t slot = h & mask;
            Py_ssize_t d;
            for (;;) {
                d = table[slot];
                if (d < 0 || (dist[d].hash == h && dist[d].nbytes == nbytes
                              && memcmp(data + dist[d].start * kind, p, nbytes) == 0))
                    break;
                slot = (slot + 1) & mask;
            }
            if (d < 0) {  /* (the table has room: at most m distinct units, 2 m slots) */
                if (ndist == dcap) {
                    dist_t *nd_ = PyMem_Resize(dist, dist_t, dcap * 2);
                    if (nd_ == NULL) {
                        PyErr_NoMemory();
                        goto done;
                    }
                    dist = nd_;
                    dcap *= 2;
                }
                d = ndist++;
                table[slot] = d;
                dist[d].hash = h;
                dist[d].nbytes = nbytes;
                dist[d].start = u[i].start;
                dist[d].end = u[i].end;
                dist[d].count = 0;
                dist[d].list = NULL;
            }
            u[i].d = d;
            dist[d].count++;
        }
        for (Py_ssize_t d = 0; d < ndist; d++) {
            PyObject *str = PyUnicode_Substring(text, dist[d].start, dist[d].end);
            if (str == NULL)
                goto done;
            PyObject *lst = PyList_New(dist[d].count);
            if (lst == NULL) {
                Py_DECREF(str);
                goto done;
            }
            dist[d].list = lst;  /* (borrowed: held by ``units``) */
            dist[d].count = 0;  /* (now the fill count) */
            int rc = PyDict_SetItem(units, str, lst);
            Py_DECREF(lst);
            if (rc == 0)
                rc = PyList_Append(distinct, str);
            Py_DECREF(str);
            if (rc < 0)
                goto done;
        }
        if (PyDict_GET_SIZE(units) != ndist) {
            PyErr_SetString(PyExc_RuntimeError, "scan: distinct units collide");
            goto done;
        }
        for (Py_ssize_t i = 0; i < m; i++) {
            PyObject *idx = small_int(i);
            if (idx == NULL)
                goto done;
            dist_t *e = &dist[u[i].d];
            PyList_SET_ITEM(e->list, e->count, idx);
            e->count++;
        }
    }
    /* their forms: the known ones from ``forms``, the others made by ``make_forms`` */
    Py_ssize_t nd = PyList_GET_SIZE(distinct);
    dinfo = PyList_New(nd);
    missing = PyList_New(0);
    if (dinfo == NULL || missing == NULL)
        goto done;
    for (Py_ssize_t d = 0; d < nd; d++) {
        PyObject *s = PyList_GET_ITEM(distinct, d);
        PyObject *info = PyDict_GetItemWithError(forms, s);
        if (info == NULL) {
            if (PyErr_Occurred() || PyList_Append(missing, s) < 0)
                goto done;
            continue;
        }
        if (check_info(info) < 0)
            goto done;
        Py_INCREF(info);
        PyList_SET_ITEM(dinfo, d, info);
    }
    if (PyList_GET_SIZE(missing) > 0) {
        got = PyObject_CallOneArg(make_forms, missing);
        if (got == NULL)
            goto done;
        Py_DECREF(got);
        for (Py_ssize_t d = 0; d < nd; d++) {
            if (PyList_GET_ITEM(dinfo, d) != NULL)
                continue;
            PyObject *info = PyDict_GetItemWithError(forms, PyList_GET_ITEM(distinct, d));
            if (info == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_RuntimeError, "scan: make_forms left a unit out of forms");
                goto done;
            }
            if (check_info(info) < 0)
                goto done;
            Py_INCREF(info);
            PyList_SET_ITEM(dinfo, d, info);
        }
    }
    /* the words: those at the end of the pool first, then new ones */
    Py_ssize_t nreused = 0;
    if (pool != Py_None && PyList_GET_SIZE(pool) > 0) {
        Py_ssize_t np = PyList_GET_SIZE(pool);
        Py_ssize_t k = np - (np < m ? np : m);
        reused = PyList_GetSlice(pool, k, np);
        if (reused == NULL || PyList_SetSlice(pool, k, np, NULL) < 0)
            goto done;
        nreused = PyList_GET_SIZE(reused);
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        PyObject *w;
        if (i + PREFETCH_AHEAD < m) {  /* (the loop is memory-bound: the next words and forms are
                                          fetched while this one is set; no effect on the result) */
            Py_ssize_t a = i + PREFETCH_AHEAD;
            PREFETCH(PyList_GET_ITEM(dinfo, u[a].d));
            if (a < nreused) {
                PyObject *wa = PyList_GET_ITEM(reused, a);
                PREFETCH(wa);
                PREFETCH((char *)wa + 64);
            }
        }
        if (i < nreused) {
            w = PyList_GET_ITEM(reused, i);
            Py_INCREF(w);
        }
        else {
            w = word_type->tp_alloc(word_type, 0);
            if (w == NULL)
                goto done;
        }
        PyObject *st = small_int(u[i].start), *en = small_int(u[i].end);
        if (st == NULL || en == NULL) {
            Py_XDECREF(st);
            Py_XDECREF(en);
            Py_DECREF(w);
            goto done;
        }
        PyList_SET_ITEM(starts, i, st);  /* (the lists hold the references) */
        PyList_SET_ITEM(ends, i, en);
        PyObject *info = PyList_GET_ITEM(dinfo, u[i].d);
        if (!PyObject_TypeCheck(w, word_type)) {
            PyErr_SetString(PyExc_TypeError, "scan: the pool must hold word_type objects");
            Py_DECREF(w);
            goto done;
        }
        set_slot(w, sl[0], st);
        set_slot(w, sl[1], en);
        set_slot(w, sl[2], PyTuple_GET_ITEM(info, 0));
        set_slot(w, sl[3], PyTuple_GET_ITEM(info, 1));
        set_slot(w, sl[4], PyTuple_GET_ITEM(info, 2));
        if (PyList_Append(out, w) < 0) {
            Py_DECREF(w);
            goto done;
        }
        Py_DECREF(w);
    }
    got = PyLong_FromSsize_t(n);
    if (got == NULL)
        goto done;
    PyList_SET_ITEM(starts, m, got);
    /* the key index (tagger._KeyIndex): key -> ascending word indices, in the order of the keys'
       first units; a key of several units gets a new list, sorted, and is put in ``merged`` */
    at = PyDict_New();
    merged = PySet_New(NULL);
    if (at == NULL || merged == NULL)
        goto done;
    fkeys = PyList_New(0);
    fbits = PyList_New(0);
    if (fkeys == NULL || fbits == NULL)
        goto done;
    for (Py_ssize_t d = 0; d < nd; d++) {
        PyObject *info = PyList_GET_ITEM(dinfo, d);
        PyObject *key = PyTuple_GET_ITEM(info, 1);
        PyObject *lst = dist[d].list;
        PyObject *have = PyDict_GetItemWithError(at, key);
        if (have == NULL) {
            if (PyErr_Occurred() || PyDict_SetItem(at, key, lst) < 0)
                goto done;
            if (PyTuple_GET_SIZE(info) == 4) {  /* a key some query finds: listed with its bits */
                PyObject *bits = PyTuple_GET_ITEM(info, 3);
                int on = PyObject_IsTrue(bits);
                if (on < 0 || (on && (PyList_Append(fkeys, key) < 0 || PyList_Append(fbits, bits) < 0)))
                    goto done;
            }
            continue;
        }
        int in = PySet_Contains(merged, key);
        if (in < 0)
            goto done;
        if (!in) {
            PyObject *copy = PyList_GetSlice(have, 0, PyList_GET_SIZE(have));
            if (copy == NULL)
                goto done;
            int rc = PyDict_SetItem(at, key, copy);
            Py_DECREF(copy);
            if (rc < 0 || PySet_Add(merged, key) < 0)
                goto done;
            have = copy;  /* (held by ``at``) */
        }
        if (PyList_SetSlice(have, PyList_GET_SIZE(have), PyList_GET_SIZE(have), lst) < 0)
            goto done;
    }
    if (PySet_GET_SIZE(merged) > 0) {
        for (Py_ssize_t d = 0; d < nd; d++) {  /* (each merged key once: its first unit) */
            PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(dinfo, d), 1);
            int in = PySet_Contains(merged, key);
            if (in < 0)
                goto done;
            PyObject *lst = in ? PyDict_GetItemWithError(at, key) : NULL;
            if (lst != NULL && PyList_Sort(lst) < 0)
                goto done;
            if (lst == NULL && PyErr_Occurred())
                goto done;
        }
    }
    result = PyTuple_Pack(7, units, starts, ends, at, merged, fkeys, fbits);
done:
    PyMem_Free(u);
    PyMem_Free(table);
    PyMem_Free(dist);
    if (result == NULL && starts != NULL) {
        /* a list with NULL items left is still freed safely by list_dealloc (Py_XDECREF) */
    }
    Py_XDECREF(units);
    Py_XDECREF(distinct);
    Py_XDECREF(dinfo);
    Py_XDECREF(missing);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(reused);
    Py_XDECREF(at);
    Py_XDECREF(merged);
    Py_XDECREF(fkeys);
    Py_XDECREF(fbits);
    Py_DECREF(text);
    return result;
}

/* forms(units, table, kinds) -> [(folded form, key, kind), ...]: ``gazetteer._forms`` (see there):
   each unit folded by ``table`` (the list ``gazetteer._FOLD_TABLE``: code point -> code point,
   a character past its end kept), the key without the marks and invisible characters of
   ``gazetteer._DROP`` and with وو and یی collapsed, the kind (kinds[0] "num" when the first
   folded character is a digit, kinds[1] "word" when it is a letter, else kinds[2] "punct") */
static Py_UCS4 *fold_map = NULL;
static Py_ssize_t fold_len = 0;
static PyObject *fold_src = NULL;  /* the list fold_map was read from */

static int
load_fold(PyObject *table)
{
    if (table == fold_src)
        return 0;
    Py_ssize_t n = PyList_GET_SIZE(table);
    Py_UCS4 *map = PyMem_New(Py_UCS4, n > 0 ? n : 1);
    if (map == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyList_GET_ITEM(table, i);
        long c = PyLong_Check(v) ? PyLong_AsLong(v) : -1;
        if (c < 0 || c > 0x10ffff) {
            PyMem_Free(map);
            if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_TypeError, "forms: the table must hold code points");
            }
            return -1;
        }
        map[i] = (Py_UCS4)c;
    }
    PyMem_Free(fold_map);
    fold_map = map;
    fold_len = n;
    Py_INCREF(table);
    Py_XSETREF(fold_src, table);
    return 0;
}

static int
is_dropped(Py_UCS4 c)  /* gazetteer._DROP */
{
    return (c >= 0x064b && c <= 0x065f) || c == 0x0670 || c == 0x0640 || (c >= 0x06d6 && c <= 0x06ed)
        || (c >= 0x200b && c <= 0x200f) || c == 0x2060 || c == 0xfeff;
}

static PyObject *
forms(PyObject *self, PyObject *args)
{
    PyObject *units, *table, *kinds, *out;
    if (!PyArg_ParseTuple(args, "O!O!O!:forms", &PyList_Type, &units, &PyList_Type, &table, &PyTuple_Type, &kinds))
        return NULL;
    if (PyTuple_GET_SIZE(kinds) != 3) {
        PyErr_SetString(PyExc_TypeError, "forms: kinds must be (num, word, punct)");
        return NULL;
    }
    if (load_fold(table) < 0)
        return NULL;
    Py_ssize_t nu = PyList_GET_SIZE(units);
    out = PyList_New(nu);
    if (out == NULL)
        return NULL;
    Py_ssize_t cap = 0;
    Py_UCS4 *buf = NULL, *kbuf = NULL;
    for (Py_ssize_t i = 0; i < nu; i++) {
        PyObject *u = PyList_GET_ITEM(units, i);
        if (!PyUnicode_Check(u) || PyUnicode_GET_LENGTH(u) == 0) {
            PyErr_SetString(PyExc_TypeError, "forms: units must be non-empty strings");
            goto fail;
        }
        Py_INCREF(u);  /* (the list may not change under us, but hold it anyway) */
        Py_ssize_t len = PyUnicode_GET_LENGTH(u);
        if (len > cap) {
            Py_ssize_t ncap = len > 2 * cap ? len : 2 * cap;
            PyMem_Free(buf);
            PyMem_Free(kbuf);
            buf = PyMem_New(Py_UCS4, ncap);
            kbuf = PyMem_New(Py_UCS4, ncap);
            if (buf == NULL || kbuf == NULL) {
                Py_DECREF(u);
                PyErr_NoMemory();
                goto fail;
            }
            cap = ncap;
        }
        int kind = PyUnicode_KIND(u);
        const void *data = PyUnicode_DATA(u);
        int changed = 0;
        Py_ssize_t klen = 0;
        for (Py_ssize_t j = 0; j < len; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            Py_UCS4 f = (Py_ssize_t)c < fold_len ? fold_map[c] : c;
            changed |= (f != c);
            buf[j] = f;
        }
        for (Py_ssize_t j = 0; j < len; j++) {  /* dropped, then وو and یی collapsed (left to right) */
            Py_UCS4 c = buf[j];
            if (is_dropped(c))
                continue;
            kbuf[klen++] = c;
        }
        Py_ssize_t k2 = 0;
        for (Py_ssize_t j = 0; j < klen; j++) {
            Py_UCS4 c = kbuf[j];
            kbuf[k2++] = c;
            if ((c == 0x0648 || c == 0x06cc) && j + 1 < klen && kbuf[j + 1] == c)
                j++;
        }
        klen = k2;
        PyObject *f = changed ? PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, len) : (Py_INCREF(u), u);
        Py_DECREF(u);
        if (f == NULL)
            goto fail;
        PyObject *key;
        if (len == 1 || (klen == len && memcmp(kbuf, buf, (size_t)len * sizeof(Py_UCS4)) == 0)) {
            key = f;
            Py_INCREF(key);
        }
        else {
            key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, kbuf, klen);
            if (key == NULL) {
                Py_DECREF(f);
                goto fail;
            }
        }
        Py_UCS4 c0 = buf[0];
        PyObject *kd = PyTuple_GET_ITEM(kinds, Py_UNICODE_ISDIGIT(c0) ? 0 : (Py_UNICODE_ISALPHA(c0) ? 1 : 2));
        Py_INCREF(kd);
        PyObject *t = PyTuple_New(3);
        if (t == NULL) {
            Py_DECREF(f);
            Py_DECREF(key);
            Py_DECREF(kd);
            goto fail;
        }
        PyTuple_SET_ITEM(t, 0, f);
        PyTuple_SET_ITEM(t, 1, key);
        PyTuple_SET_ITEM(t, 2, kd);
        PyList_SET_ITEM(out, i, t);
    }
    PyMem_Free(buf);
    PyMem_Free(kbuf);
    return out;
fail:
    PyMem_Free(buf);
    PyMem_Free(kbuf);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"forms", forms, METH_VARARGS,
     "forms(units, table, kinds) -> [(folded form, key, kind), ...]: gazetteer._forms."},
    {"scan", scan, METH_VARARGS,
     "scan(text, forms, make_forms, pool, out, word_type, slots) -> (units, starts, ends, at, merged, fkeys, fbits): the word scan of "
     "sorani.entities.gazetteer._scan."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "sorani._facts_c", "Optional compiled word scan of sorani.facts.", -1, methods,
};

PyMODINIT_FUNC
PyInit__facts_c(void)
{
    PyObject *seed = PyUnicode_FromString("sorani._facts_c");
    if (seed == NULL)
        return NULL;
    Py_hash_t hs = PyObject_Hash(seed);
    Py_DECREF(seed);
    if (hs == -1 && PyErr_Occurred())
        return NULL;
    hash_seed = (size_t)hs;
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", 5) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
