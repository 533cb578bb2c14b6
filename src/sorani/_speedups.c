/* Optional compiled helpers for sorani.tokenize: the same tokens as the pure-Python path, faster.
 *
 * scan_tokens(text, table, cache, chunk_tokens, kinds) -> (texts, starts, kinds)
 *   Walks ``text`` with ``table`` (one byte per BMP code point, see tokenize._scanner_table):
 *   the low three bits of a character say what starts there: 1 a word (it runs over characters
 *   with CONTINUES_WORD), 2 a gap, 3 / 4 a punctuation mark / symbol alone, 5 a number (digits,
 *   digit groups after a separator, a final percent sign); ``kinds`` names 1, 3, 4 and 5. For any
 *   other character the rest of the chunk (up to the next whitespace, SPACE) goes to
 *   ``chunk_tokens(str) -> (texts, starts, kinds)``, the pure-Python tokenizer of a text without
 *   whitespace, whose starts are shifted to the chunk (no token holds whitespace); ``cache`` is
 *   the dict where that function keeps its results, read here first.
 *
 * build_records(cls, texts, starts, kinds) -> list of cls(text, start, start + len(text), kind)
 *   ``cls`` is a tuple subclass (sorani._record.Record). The records hold only strings and ints,
 *   so they are not tracked by the cycle collector: a later stage's fields in a record's __dict__
 *   must not point back at it (sorani's never do; see Token).
 *
 * If this module cannot be compiled, sorani.tokenize falls back to the pure-Python path.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

static int
append_steal(PyObject *list, PyObject *item)
{
    if (item == NULL)
        return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

static PyObject *
scan_tokens(PyObject *self, PyObject *args)
{
    PyObject *text, *cache, *chunk_tokens, *kind_names;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*O!OO!", &text, &table, &PyDict_Type, &cache, &chunk_tokens,
                          &PyTuple_Type, &kind_names))
        return NULL;
    if (PyTuple_GET_SIZE(kind_names) != 4) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_ValueError, "kinds must name word, punctuation, symbol, number");
        return NULL;
    }
    PyObject *kind_of[6] = {NULL, PyTuple_GET_ITEM(kind_names, 0), NULL, PyTuple_GET_ITEM(kind_names, 1),
                            PyTuple_GET_ITEM(kind_names, 2), PyTuple_GET_ITEM(kind_names, 3)};
    const unsigned char *cls = (const unsigned char *)table.buf;
    Py_ssize_t table_len = table.len;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *texts = PyList_New(0), *starts = PyList_New(0), *kinds = PyList_New(0);
    if (texts == NULL || starts == NULL || kinds == NULL)
        goto error;

#define CLASS(i) (PyUnicode_READ(kind, data, (i)) < (Py_UCS4)table_len ? cls[PyUnicode_READ(kind, data, (i))] : 0)
#define CONTINUES_WORD 0x08
#define DIGIT 0x10
#define SEPARATOR 0x20
#define PERCENT 0x40
#define SPACE 0x80
    Py_ssize_t pos = 0;
    while (pos < n) {
        if (PyUnicode_READ(kind, data, pos) == ' ') {
            pos++;
            continue;
        }
        unsigned char start = CLASS(pos) & 0x07;
        if (start == 2) {  /* a gap character */
            pos++;
            continue;
        }
        if (start == 1 || start == 3 || start == 4 || start == 5) {
            Py_ssize_t end = pos + 1;
            if (start == 1) {
                while (end < n && (CLASS(end) & CONTINUES_WORD))
                    end++;
            }
            else if (start == 5) {
                while (end < n && (CLASS(end) & DIGIT))
                    end++;
                while (end + 1 < n && (CLASS(end) & SEPARATOR) && (CLASS(end + 1) & DIGIT)) {
                    end += 2;
                    while (end < n && (CLASS(end) & DIGIT))
                        end++;
                }
                if (end < n && (CLASS(end) & PERCENT))
                    end++;
            }
            if (append_steal(texts, PyUnicode_Substring(text, pos, end)) < 0
                || append_steal(starts, PyLong_FromSsize_t(pos)) < 0
                || PyList_Append(kinds, kind_of[start]) < 0)
                goto error;
            pos = end;
            continue;
        }
        Py_ssize_t end = pos + 1;
        while (end < n && !(CLASS(end) & SPACE))
            end++;
        PyObject *chunk = PyUnicode_Substring(text, pos, end);
        if (chunk == NULL)
            goto error;
        PyObject *found = PyDict_GetItemWithError(cache, chunk);  /* borrowed */
        if (found != NULL)
            Py_INCREF(found);
        else if (!PyErr_Occurred())
            found = PyObject_CallOneArg(chunk_tokens, chunk);
        Py_DECREF(chunk);
        if (found == NULL)
            goto error;
        if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 3) {
            Py_DECREF(found);
            PyErr_SetString(PyExc_TypeError, "chunk_tokens must return (texts, starts, kinds)");
            goto error;
        }
        PyObject *t_texts = PyTuple_GET_ITEM(found, 0);
        PyObject *t_starts = PyTuple_GET_ITEM(found, 1);
        PyObject *t_kinds = PyTuple_GET_ITEM(found, 2);
        if (!PyTuple_Check(t_texts) || !PyTuple_Check(t_starts) || !PyTuple_Check(t_kinds)
            || PyTuple_GET_SIZE(t_starts) != PyTuple_GET_SIZE(t_texts)
            || PyTuple_GET_SIZE(t_kinds) != PyTuple_GET_SIZE(t_texts)) {
            Py_DECREF(found);
            PyErr_SetString(PyExc_TypeError, "chunk_tokens must return three tuples of one length");
            goto error;
        }
        Py_ssize_t m = PyTuple_GET_SIZE(t_texts);
        for (Py_ssize_t i = 0; i < m; i++) {
            Py_ssize_t rel = PyLong_AsSsize_t(PyTuple_GET_ITEM(t_starts, i));
            if ((rel == -1 && PyErr_Occurred())
                || PyList_Append(texts, PyTuple_GET_ITEM(t_texts, i)) < 0
                || append_steal(starts, PyLong_FromSsize_t(pos + rel)) < 0
                || PyList_Append(kinds, PyTuple_GET_ITEM(t_kinds, i)) < 0) {
                Py_DECREF(found);
                goto error;
            }
        }
        Py_DECREF(found);
        pos = end;
    }
#undef CLASS
    PyBuffer_Release(&table);
    return Py_BuildValue("(NNN)", texts, starts, kinds);

error:
    PyBuffer_Release(&table);
    Py_XDECREF(texts);
    Py_XDECREF(starts);
    Py_XDECREF(kinds);
    return NULL;
}

static PyObject *
build_records(PyObject *self, PyObject *args)
{
    PyTypeObject *type;
    PyObject *texts, *starts, *kinds;
    if (!PyArg_ParseTuple(args, "O!O!O!O!", &PyType_Type, &type, &PyList_Type, &texts,
                          &PyList_Type, &starts, &PyList_Type, &kinds))
        return NULL;
    if (!PyType_IsSubtype(type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "build_records needs a tuple subclass");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if (PyList_GET_SIZE(starts) != n || PyList_GET_SIZE(kinds) != n) {
        PyErr_SetString(PyExc_ValueError, "columns of different lengths");
        return NULL;
    }
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        /* tp_alloc may run the cycle collector, whose finalizers may change the lists */
        if (i >= PyList_GET_SIZE(texts) || i >= PyList_GET_SIZE(starts) || i >= PyList_GET_SIZE(kinds)) {
            PyErr_SetString(PyExc_RuntimeError, "columns changed size during build_records");
            goto error;
        }
        PyObject *t = PyList_GET_ITEM(texts, i);
        PyObject *s = PyList_GET_ITEM(starts, i);
        PyObject *k = PyList_GET_ITEM(kinds, i);
        Py_ssize_t start = PyLong_AsSsize_t(s);
        if (start == -1 && PyErr_Occurred())
            goto error;
        if (!PyUnicode_Check(t)) {
            PyErr_SetString(PyExc_TypeError, "texts must be str");
            goto error;
        }
        PyObject *end = PyLong_FromSsize_t(start + PyUnicode_GET_LENGTH(t));
        if (end == NULL)
            goto error;
        Py_INCREF(t);
        Py_INCREF(s);
        Py_INCREF(k);
        PyObject *rec = type->tp_alloc(type, 4);
        if (rec == NULL) {
            Py_DECREF(t);
            Py_DECREF(s);
            Py_DECREF(k);
            Py_DECREF(end);
            goto error;
        }
        PyTuple_SET_ITEM(rec, 0, t);
        PyTuple_SET_ITEM(rec, 1, s);
        PyTuple_SET_ITEM(rec, 2, end);
        PyTuple_SET_ITEM(rec, 3, k);
        PyObject_GC_UnTrack(rec);
        PyList_SET_ITEM(out, i, rec);
    }
    return out;

error:
    Py_DECREF(out);
    return NULL;
}

/* --- language identification (sorani.langid) ---------------------------------------------------
 *
 * langid_model(weights, k, bits, orders, mults) -> the model (a capsule) for the functions below,
 *   which take ``model`` = (that capsule, mult).
 *
 * langid_words(words, model) -> list of int
 *   The packed score of each folded word of ``words``, exactly as langid.Model._word computes it:
 *   the n-grams of " word " of each order in ``orders`` (code points; plus the whole padded word
 *   when it is longer than the largest order), each hashed as CRC-32 (zlib's) of its UTF-8 (lone
 *   surrogates as three bytes, like "surrogatepass") modulo 2**bits; the rows of ``weights`` (2**bits
 *   rows of ``k`` unsigned bytes) of all of them summed per column, each sum times the word's
 *   multiplier (``mults``: native uint64 per padded length, 0 where unknown; else ``mult(length)``),
 *   in 64-bit fields of a little-endian integer with carries as Python's int arithmetic gives,
 *   then 1 in field ``k`` (one word scored) and 0 in field ``k + 1``.
 *   Time linear in the words' length (times the largest order).
 */

/* unsigned little-endian bytes <-> int (the public API from Python 3.13, the private one before) */
static PyObject *
long_from_le_bytes(const unsigned char *bytes, size_t n)
{
#if PY_VERSION_HEX >= 0x030D0000
    return PyLong_FromUnsignedNativeBytes(bytes, (Py_ssize_t)n,
                                          Py_ASNATIVEBYTES_LITTLE_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
#else
    return _PyLong_FromByteArray(bytes, n, 1, 0);
#endif
}

static int
long_to_le_bytes(PyObject *v, unsigned char *bytes, size_t n)  /* -1: OverflowError (or other) */
{
#if PY_VERSION_HEX >= 0x030D0000
    Py_ssize_t need = PyLong_AsNativeBytes(v, bytes, (Py_ssize_t)n,
                                           Py_ASNATIVEBYTES_LITTLE_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER
                                           | Py_ASNATIVEBYTES_REJECT_NEGATIVE);
    if (need < 0)
        return -1;
    if ((size_t)need > n) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    return 0;
#else
    return _PyLong_AsByteArray((PyLongObject *)v, bytes, n, 1, 0);
#endif
}

static uint32_t crc_table[256];
static int crc_ready = 0;

static void
crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int b = 0; b < 8; b++)
            c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        crc_table[i] = c;
    }
    crc_ready = 1;
}

/* UTF-8 bytes of one code point (surrogates encoded like any other 3-byte code point) */
static inline int
utf8_of(Py_UCS4 c, unsigned char *out)
{
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static inline uint32_t
crc_update(uint32_t crc, Py_UCS4 c)
{
    unsigned char b[4];
    int m = utf8_of(c, b);
    for (int i = 0; i < m; i++)
        crc = crc_table[(crc ^ b[i]) & 0xFF] ^ (crc >> 8);
    return crc;
}

#define LANGID_MAX_ORDER 64
#define LANGID_MAX_COLUMNS 64

typedef struct {
    const unsigned char *weights;
    Py_ssize_t k;
    uint32_t mask;
    uint64_t order_bits;  /* bit n set: n-grams of n characters */
    int max_order;
    const uint64_t *mults;
    Py_ssize_t n_mults;
    PyObject *mult;  /* callable, for lengths outside mults */
    Py_ssize_t n_labels;  /* langid_guess: columns merged into labels (0: not given) */
    Py_ssize_t merge[LANGID_MAX_COLUMNS];  /* the label of each column */
    double unit_scale;  /* the factor of costs before the square root of the number of words */
    const uint32_t *fold;  /* langid.fold of one character below n_fold (see fold_fast), or NULL */
    Py_ssize_t n_fold;
} langid_model;

#define LANGID_IDS 1024  /* feature ids gathered before their rows are summed */

/* the rows of ``ids`` summed into ``sums`` (uint32 lanes: at most LANGID_IDS rows of bytes) */
static void
sum_rows(const langid_model *m, const uint32_t *ids, Py_ssize_t nids, uint64_t *sums)
{
    const unsigned char *w = m->weights;
    if (m->k == 12) {  /* the shipped model: a constant width the compiler vectorizes */
        uint32_t acc[12] = {0};
        for (Py_ssize_t i = 0; i < nids; i++) {
            const unsigned char *row = w + (size_t)ids[i] * 12;
            for (int j = 0; j < 12; j++)
                acc[j] += row[j];
        }
        for (int j = 0; j < 12; j++)
            sums[j] += acc[j];
        return;
    }
    for (Py_ssize_t i = 0; i < nids; i++) {
        const unsigned char *row = w + (size_t)ids[i] * (size_t)m->k;
        for (Py_ssize_t j = 0; j < m->k; j++)
            sums[j] += row[j];
    }
}

/* the packed score of one folded word (a new reference), NULL with an exception set */
static PyObject *
langid_word(const langid_model *m, PyObject *word)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    Py_ssize_t n = len + 2;  /* padded */
    uint64_t sums[LANGID_MAX_COLUMNS] = {0};
    uint32_t ids[LANGID_IDS];
    Py_ssize_t nids = 0;
    /* the UTF-8 of the last LANGID_MAX_ORDER characters of the padded word, each encoded once */
    unsigned char ring[LANGID_MAX_ORDER][4];
    int ring_len[LANGID_MAX_ORDER];
    Py_ssize_t encoded = 0;  /* characters encoded so far */
#define PADDED(p) ((p) == 0 || (p) == n - 1 ? (Py_UCS4)' ' : PyUnicode_READ(kind, data, (p) - 1))
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t crc = 0xFFFFFFFFu;
        Py_ssize_t stop = n - i < m->max_order ? n - i : m->max_order;
        if (nids + stop > LANGID_IDS) {
            sum_rows(m, ids, nids, sums);
            nids = 0;
        }
        for (Py_ssize_t l = 1; l <= stop; l++) {
            Py_ssize_t p = i + l - 1;
            int slot = (int)(p % LANGID_MAX_ORDER);
            if (p >= encoded) {
                ring_len[slot] = utf8_of(PADDED(p), ring[slot]);
                encoded = p + 1;
            }
            for (int b = 0; b < ring_len[slot]; b++)
                crc = crc_table[(crc ^ ring[slot][b]) & 0xFF] ^ (crc >> 8);
            if (m->order_bits >> l & 1)
                ids[nids++] = (crc ^ 0xFFFFFFFFu) & m->mask;
        }
    }
    if (n > m->max_order) {  /* the whole padded word */
        uint32_t crc = 0xFFFFFFFFu;
        for (Py_ssize_t p = 0; p < n; p++)
            crc = crc_update(crc, PADDED(p));
        if (nids + 1 > LANGID_IDS) {
            sum_rows(m, ids, nids, sums);
            nids = 0;
        }
        ids[nids++] = (crc ^ 0xFFFFFFFFu) & m->mask;
    }
    sum_rows(m, ids, nids, sums);
#undef PADDED
    uint64_t mult;
    if (n < m->n_mults && m->mults[n] != 0)
        mult = m->mults[n];
    else {
        PyObject *got = PyObject_CallFunction(m->mult, "n", n);
        if (got == NULL)
            return NULL;
        mult = PyLong_AsUnsignedLongLong(got);
        Py_DECREF(got);
        if (mult == (uint64_t)-1 && PyErr_Occurred())
            return NULL;
    }
    /* fields 0..k-1: sums * mult with carries; field k: 1 (+ carry); field k+1: carry; one spare */
    unsigned char bytes[8 * (LANGID_MAX_COLUMNS + 3)];
    Py_ssize_t nfields = m->k + 3;
    unsigned __int128 carry = 0;
    for (Py_ssize_t j = 0; j < nfields; j++) {
        unsigned __int128 v = carry;
        if (j < m->k)
            v += (unsigned __int128)sums[j] * mult;
        else if (j == m->k)
            v += 1;
        uint64_t low = (uint64_t)v;
        carry = v >> 64;
        for (int b = 0; b < 8; b++)
            bytes[8 * j + b] = (unsigned char)(low >> (8 * b));
    }
    return long_from_le_bytes(bytes, (size_t)(8 * nfields));
}

/* langid_model(weights, k, bits, orders, mults) -> capsule: the model, parsed once; the functions
 * below take ``model`` = (that capsule, mult) */
#define LANGID_CAPSULE "sorani._speedups.langid_model"

typedef struct {
    langid_model m;
    Py_buffer weights, mults, fold;
    int has_fold;
} langid_capsule;

static void
langid_capsule_free(PyObject *capsule)
{
    langid_capsule *c = (langid_capsule *)PyCapsule_GetPointer(capsule, LANGID_CAPSULE);
    if (c == NULL) {
        PyErr_Clear();
        return;
    }
    PyBuffer_Release(&c->weights);
    PyBuffer_Release(&c->mults);
    if (c->has_fold)
        PyBuffer_Release(&c->fold);
    PyMem_Free(c);
}

static PyObject *
langid_model_new(PyObject *self, PyObject *args)
{
    PyObject *orders;
    Py_ssize_t k;
    int bits;
    langid_capsule *c = PyMem_Calloc(1, sizeof(langid_capsule));
    if (c == NULL)
        return PyErr_NoMemory();
    PyObject *merge = Py_None, *fold = Py_None;
    double unit_scale = 0.0;
    if (!PyArg_ParseTuple(args, "y*niO!y*|OdO", &c->weights, &k, &bits, &PyTuple_Type, &orders, &c->mults,
                          &merge, &unit_scale, &fold)) {
        PyMem_Free(c);
        return NULL;
    }
    langid_model *m = &c->m;
    if (k < 1 || k > LANGID_MAX_COLUMNS || bits < 1 || bits > 32
        || (uint64_t)c->weights.len != ((uint64_t)1 << bits) * (uint64_t)k
        || c->mults.len % 8 != 0) {
        PyErr_SetString(PyExc_ValueError, "langid: bad model shape");
        goto error;
    }
    m->weights = (const unsigned char *)c->weights.buf;
    m->k = k;
    m->mask = (uint32_t)(((uint64_t)1 << bits) - 1);
    m->order_bits = 0;
    m->max_order = 0;
    m->mults = (const uint64_t *)c->mults.buf;
    m->n_mults = c->mults.len / 8;
    m->mult = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(orders); i++) {
        long o = PyLong_AsLong(PyTuple_GET_ITEM(orders, i));
        if (o == -1 && PyErr_Occurred())
            goto error;
        if (o < 1 || o >= LANGID_MAX_ORDER) {
            PyErr_SetString(PyExc_ValueError, "langid: n-gram order out of range");
            goto error;
        }
        if (m->order_bits >> o & 1) {  /* Python counts a repeated order's n-grams twice */
            PyErr_SetString(PyExc_ValueError, "langid: repeated n-gram order");
            goto error;
        }
        m->order_bits |= (uint64_t)1 << o;
        if (o > m->max_order)
            m->max_order = (int)o;
    }
    if (m->max_order == 0) {
        PyErr_SetString(PyExc_ValueError, "langid: no n-gram order");
        goto error;
    }
    m->n_labels = 0;
    m->unit_scale = unit_scale;
    if (merge != Py_None) {
        if (!PyTuple_Check(merge) || PyTuple_GET_SIZE(merge) != k) {
            PyErr_SetString(PyExc_ValueError, "langid: merge must give the label of each column");
            goto error;
        }
        for (Py_ssize_t j = 0; j < k; j++) {
            Py_ssize_t d = PyLong_AsSsize_t(PyTuple_GET_ITEM(merge, j));
            if (d == -1 && PyErr_Occurred())
                goto error;
            if (d < 0 || d >= k) {
                PyErr_SetString(PyExc_ValueError, "langid: merge label out of range");
                goto error;
            }
            m->merge[j] = d;
            if (d + 1 > m->n_labels)
                m->n_labels = d + 1;
        }
    }
    m->fold = NULL;
    m->n_fold = 0;
    if (fold != Py_None) {
        if (PyObject_GetBuffer(fold, &c->fold, PyBUF_SIMPLE) < 0)
            goto error;
        c->has_fold = 1;
        if (c->fold.len % 4 != 0 || c->fold.len / 4 > 0x10000) {
            PyErr_SetString(PyExc_ValueError, "langid: bad fold table");
            goto error;
        }
        m->fold = (const uint32_t *)c->fold.buf;
        m->n_fold = c->fold.len / 4;
    }
    if (!crc_ready)
        crc_init();
    PyObject *capsule = PyCapsule_New(c, LANGID_CAPSULE, langid_capsule_free);
    if (capsule == NULL)
        goto error;
    return capsule;
error:
    PyBuffer_Release(&c->weights);
    PyBuffer_Release(&c->mults);
    if (c->has_fold)
        PyBuffer_Release(&c->fold);
    PyMem_Free(c);
    return NULL;
}

/* ``model`` = (capsule, mult) into ``m`` (valid while ``model`` lives) */
static int
get_model(PyObject *model, langid_model *m)
{
    if (!PyTuple_Check(model) || PyTuple_GET_SIZE(model) != 2) {
        PyErr_SetString(PyExc_TypeError, "langid: model must be (langid_model(...), mult)");
        return -1;
    }
    langid_capsule *c = (langid_capsule *)PyCapsule_GetPointer(PyTuple_GET_ITEM(model, 0), LANGID_CAPSULE);
    if (c == NULL)
        return -1;
    *m = c->m;
    m->mult = PyTuple_GET_ITEM(model, 1);
    return 0;
}

static PyObject *
langid_words(PyObject *self, PyObject *args)  /* (words, model) -> list of packed ints */
{
    PyObject *words, *model;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &words, &model))
        return NULL;
    langid_model m;
    if (get_model(model, &m) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(words);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i >= PyList_GET_SIZE(words)) {  /* the mult callback may have changed the list */
            PyErr_SetString(PyExc_RuntimeError, "langid_words: the list changed size");
            Py_CLEAR(out);
            goto done;
        }
        PyObject *w = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "langid_words: words must be str");
            Py_CLEAR(out);
            goto done;
        }
        Py_INCREF(w);
        PyObject *v = langid_word(&m, w);
        Py_DECREF(w);
        if (v == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, i, v);
    }
done:
    return out;
}

/* langid._WORD: [^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670\u200c\u200d])* with re's
 * Unicode classes (\w: str.isalnum() or "_", \d: str.isdecimal()) */
static int
word_class_of(Py_UCS4 c)  /* 1: a letter (starts and continues a word), 2: continues a word */
{
    if (!Py_UNICODE_ISDECIMAL(c) && c != '_'
        && (Py_UNICODE_ISALPHA(c) || Py_UNICODE_ISDIGIT(c) || Py_UNICODE_ISNUMERIC(c)))
        return 1;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x64b && c <= 0x65f) || c == 0x670 || c == 0x200c
        || c == 0x200d)
        return 2;
    return 0;
}

static unsigned char word_classes[0x10000];  /* BMP: 0 not yet known, else 0x80 | word_class_of */

static inline int
word_class(Py_UCS4 c)
{
    if (c < 0x10000) {
        unsigned char v = word_classes[c];
        if (v == 0)
            word_classes[c] = v = (unsigned char)(0x80 | word_class_of(c));
        return v & 3;
    }
    return word_class_of(c);
}

#define word_letter(c) (word_class(c) == 1)
#define word_inside(c) (word_class(c) != 0)

/* the end of the raw word starting at or after *pos (its start in *pos), or -1 when none */
static inline Py_ssize_t
next_raw_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t *pos)
{
    Py_ssize_t i = *pos;
    while (i < n && !word_letter(PyUnicode_READ(kind, data, i)))
        i++;
    if (i >= n)
        return -1;
    *pos = i;
    Py_ssize_t end = i + 1;
    while (end < n && word_inside(PyUnicode_READ(kind, data, end)))
        end++;
    return end;
}

static PyObject *
langid_raw_words(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "langid_raw_words: text must be str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), pos = 0, end;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while ((end = next_raw_word(kind, data, n, &pos)) >= 0) {
        if (append_steal(out, PyUnicode_Substring(text, pos, end)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        pos = end;
    }
    return out;
}

static inline int
known_script(Py_UCS4 c)
{
    return c < 0x250 || (c >= 0x600 && c <= 0x77f) || (c >= 0x1e00 && c <= 0x1eff)
           || (c >= 0xfb50 && c <= 0xfeff);
}

/* langid_text(text, start, cache, cache_size, fold, zero, other, model) -> list of int
 *   The fields (k + 2 unsigned 64-bit integers) of ``start`` plus the packed scores of every raw
 *   word of ``text`` (langid._WORD), as langid.Model._packed_fields gives them: a raw word's score
 *   is read from ``cache`` (raw word -> packed int), else computed: ``fold(raw)``, ``zero`` when
 *   that is empty, ``other`` when its first character is not of a known script, else as
 *   langid_words; then stored (``cache`` emptied first when it holds ``cache_size`` entries).
 */
/* langid.fold of a raw word in C when every character of it is in the model's fold table (the
 * characters below n_fold that langid._fold_table found safe: already NFC whatever comes before or
 * after them, no case change to several characters; a code point, FOLD_DELETE, or FOLD_SLOW for
 * the rest) or is ZWNJ: the old heh + ZWNJ as ae, other ZWNJs dropped, each character translated
 * and lower-cased by the table, then a heh not followed by a letter (or Arabic mark) made ae.
 * A new reference; NULL without an exception where Python must fold; NULL with one on error. */
#define FOLD_SLOW 0xFFFFFFFFu
#define FOLD_DELETE 0xFFFFFFFEu
#define FOLD_MAX 256

static PyObject *
fold_fast(const langid_model *m, PyObject *raw)
{
    if (m->fold == NULL)
        return NULL;
    int kind = PyUnicode_KIND(raw);
    const void *data = PyUnicode_DATA(raw);
    Py_ssize_t n = PyUnicode_GET_LENGTH(raw), len = 0;
    if (n > FOLD_MAX)
        return NULL;
    Py_UCS4 out[FOLD_MAX];
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0x200c)
            continue;
        if (c == 0x647 && i + 1 < n && PyUnicode_READ(kind, data, i + 1) == 0x200c) {
            out[len++] = 0x6d5;
            i++;
            continue;
        }
        if (c >= (Py_UCS4)m->n_fold)
            return NULL;
        uint32_t t = m->fold[c];
        if (t == FOLD_SLOW)
            return NULL;
        if (t != FOLD_DELETE)
            out[len++] = (Py_UCS4)t;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (out[i] == 0x647) {
            Py_UCS4 q = i + 1 < len ? out[i + 1] : 0;
            if (i + 1 >= len || !(word_letter(q) || (q >= 0x64b && q <= 0x65f) || q == 0x670))
                out[i] = 0x6d5;
        }
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, len);
}

static PyObject *
langid_fold(PyObject *self, PyObject *args)  /* (raw, model) -> fold_fast's str, or None */
{
    PyObject *raw, *model;
    if (!PyArg_ParseTuple(args, "UO", &raw, &model))
        return NULL;
    langid_model m;
    if (get_model(model, &m) < 0)
        return NULL;
    PyObject *got = fold_fast(&m, raw);
    if (got == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return got;
}

/* the fields of start plus the text's words' scores (see langid_text) into ``fields`` (k + 2);
 * -1 with an exception set */
static int
text_fields(PyObject *const *args, Py_ssize_t nargs, langid_model *mp, uint64_t *fields)
{
    if (nargs != 8) {
        PyErr_SetString(PyExc_TypeError, "langid_text/langid_guess take 8 arguments");
        return -1;
    }
    PyObject *text = args[0], *start = args[1], *cache = args[2], *fold = args[4], *zero = args[5];
    PyObject *other = args[6];
    if (!PyUnicode_Check(text) || !PyLong_Check(start) || !PyDict_Check(cache) || !PyLong_Check(zero)
        || !PyLong_Check(other)) {
        PyErr_SetString(PyExc_TypeError, "langid_text(str, int, dict, int, fold, int, int, model)");
        return -1;
    }
    Py_ssize_t cache_size = PyLong_AsSsize_t(args[3]);
    if (cache_size == -1 && PyErr_Occurred())
        return -1;
    if (get_model(args[7], mp) < 0)
        return -1;
    langid_model m = *mp;
    int rc = -1;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), pos = 0, end;
    Py_INCREF(start);
    PyObject *total = start;
    while ((end = next_raw_word(kind, data, n, &pos)) >= 0) {
        PyObject *raw = PyUnicode_Substring(text, pos, end);
        pos = end;
        if (raw == NULL)
            goto done;
        PyObject *v = PyDict_GetItemWithError(cache, raw);  /* borrowed */
        if (v != NULL)
            Py_INCREF(v);
        else if (PyErr_Occurred()) {
            Py_DECREF(raw);
            goto done;
        }
        else {
            PyObject *word = fold_fast(&m, raw);
            if (word == NULL && !PyErr_Occurred())
                word = PyObject_CallOneArg(fold, raw);
            if (word == NULL) {
                Py_DECREF(raw);
                goto done;
            }
            if (!PyUnicode_Check(word)) {
                PyErr_SetString(PyExc_TypeError, "langid_text: fold must return str");
                v = NULL;
            }
            else if (PyUnicode_GET_LENGTH(word) == 0) {
                Py_INCREF(zero);
                v = zero;
            }
            else if (!known_script(PyUnicode_READ_CHAR(word, 0))) {
                Py_INCREF(other);
                v = other;
            }
            else
                v = langid_word(&m, word);
            Py_DECREF(word);
            if (v != NULL && PyDict_GET_SIZE(cache) >= cache_size)
                PyDict_Clear(cache);
            if (v == NULL || PyDict_SetItem(cache, raw, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(raw);
                goto done;
            }
        }
        Py_DECREF(raw);
        PyObject *sum = PyNumber_Add(total, v);
        Py_DECREF(v);
        if (sum == NULL)
            goto done;
        Py_SETREF(total, sum);
    }
    {
        Py_ssize_t nfields = m.k + 2;
        unsigned char bytes[8 * (LANGID_MAX_COLUMNS + 2)];
        if (!PyLong_Check(total)) {  /* an int subclass's __add__, or a non-int cached value */
            PyErr_SetString(PyExc_TypeError, "langid_text: the sum of the scores is not an int");
            goto done;
        }
        if (long_to_le_bytes(total, bytes, (size_t)(8 * nfields)) < 0)
            goto done;
        for (Py_ssize_t j = 0; j < nfields; j++) {
            uint64_t f = 0;
            for (int b = 7; b >= 0; b--)
                f = (f << 8) | bytes[8 * j + b];
            fields[j] = f;
        }
        rc = 0;
    }
done:
    Py_DECREF(total);
    return rc;
}

static PyObject *
langid_text(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    langid_model m;
    uint64_t fields[LANGID_MAX_COLUMNS + 2];
    if (text_fields(args, nargs, &m, fields) < 0)
        return NULL;
    PyObject *out = PyList_New(m.k + 2);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < m.k + 2; j++) {
        PyObject *item = PyLong_FromUnsignedLongLong(fields[j]);
        if (item == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, j, item);
    }
    return out;
}

/* langid_guess(same arguments as langid_text) -> None | (n, best, probabilities)
 *   langid.Model._decide in C for a model whose columns merge into labels: None when no word was
 *   scored or more were in other scripts than scored, else the number of words scored, the index
 *   of the best label (the first of the largest) and the merged exponentials of each label (a
 *   list of float: the same operations in the same order as Python's).
 */
static PyObject *
langid_guess(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    langid_model m;
    uint64_t fields[LANGID_MAX_COLUMNS + 2];
    if (text_fields(args, nargs, &m, fields) < 0)
        return NULL;
    if (m.n_labels == 0) {
        PyErr_SetString(PyExc_ValueError, "langid_guess: the model was made without merge");
        return NULL;
    }
    uint64_t n = fields[m.k], other = fields[m.k + 1];
    if (n == 0 || other > n)
        Py_RETURN_NONE;
    double factor = m.unit_scale / sqrt((double)n);
    uint64_t low = fields[0];
    for (Py_ssize_t j = 1; j < m.k; j++)
        if (fields[j] < low)
            low = fields[j];
    double merged[LANGID_MAX_COLUMNS];
    for (Py_ssize_t j = 0; j < m.n_labels; j++)
        merged[j] = 0.0;
    for (Py_ssize_t j = 0; j < m.k; j++)
        merged[m.merge[j]] += exp(-(double)(fields[j] - low) * factor);
    Py_ssize_t best = 0;
    for (Py_ssize_t j = 1; j < m.n_labels; j++)
        if (merged[j] > merged[best])
            best = j;
    PyObject *probs = PyList_New(m.n_labels);
    if (probs == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < m.n_labels; j++) {
        PyObject *item = PyFloat_FromDouble(merged[j]);
        if (item == NULL) {
            Py_DECREF(probs);
            return NULL;
        }
        PyList_SET_ITEM(probs, j, item);
    }
    return Py_BuildValue("(KnN)", (unsigned long long)n, best, probs);
}

static PyObject *
crc32_of(PyObject *self, PyObject *arg)
{
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    if (!crc_ready)
        crc_init();
    uint32_t crc = 0xFFFFFFFFu;
    const unsigned char *p = (const unsigned char *)buf.buf;
    for (Py_ssize_t i = 0; i < buf.len; i++)
        crc = crc_table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    PyBuffer_Release(&buf);
    return PyLong_FromUnsignedLong(crc ^ 0xFFFFFFFFu);
}

static PyMethodDef methods[] = {
    {"scan_tokens", scan_tokens, METH_VARARGS, "The tokens of a text as columns (texts, starts, kinds)."},
    {"build_records", build_records, METH_VARARGS, "Records (text, start, end, kind) from columns."},
    {"langid_words", langid_words, METH_VARARGS, "Packed langid scores of folded words (see langid.Model._word)."},
    {"langid_model", langid_model_new, METH_VARARGS, "The langid model for langid_words and langid_text: (weights, k, bits, orders, mults)."},
    {"langid_fold", langid_fold, METH_VARARGS, "langid.fold of a raw word in C, or None where Python must fold."},
    {"langid_guess", (PyCFunction)(void (*)(void))langid_guess, METH_FASTCALL, "langid.Model._decide's numbers of a text in C."},
    {"langid_text", (PyCFunction)(void (*)(void))langid_text, METH_FASTCALL, "The packed langid score fields of a text (see langid.Model._packed_fields)."},
    {"langid_raw_words", langid_raw_words, METH_O, "The raw words of a text, as langid._WORD.findall."},
    {"crc32", crc32_of, METH_O, "CRC-32 of a bytes-like object (zlib's), from the table langid_words uses."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "sorani._speedups", "Optional compiled helpers of sorani.tokenize.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyObject *m = PyModule_Create(&module);
    /* sorani/_compiled.py checks it, so a stale build left by an editable install is not used */
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", 3) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
