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

static PyMethodDef methods[] = {
    {"scan_tokens", scan_tokens, METH_VARARGS, "The tokens of a text as columns (texts, starts, kinds)."},
    {"build_records", build_records, METH_VARARGS, "Records (text, start, end, kind) from columns."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "sorani._speedups", "Optional compiled helpers of sorani.tokenize.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyObject *m = PyModule_Create(&module);
    /* sorani checks it, so a stale build left by an editable install is not used */
    if (m != NULL && PyModule_AddIntConstant(m, "VERSION", 2) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
