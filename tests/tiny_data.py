"""Small data sets in the real file formats, so that the training scripts' tests need no ../shared/data.

`write_all(folder)` lays them out as a --data-dir: mnist/ (gzipped IDX), tinyshakespeare/input.txt,
names/<Language>.txt (UTF-8) and sentiment/ (SST-2 TSVs, rt-polarity in cp1252). The formats are those
described in ../shared/data/README.md; the contents are made up (digits are drawn bars, the text is a
public-domain passage), so no figure measured on them means anything beyond "the script runs".
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

MNIST_TRAIN, MNIST_TEST = 5600, 600  # the classifier validates on the train split's last 5000

SHAKESPEARE = """HAMLET:
To be, or not to be: that is the question:
Whether 'tis nobler in the mind to suffer
The slings and arrows of outrageous fortune,
Or to take arms against a sea of troubles,
And by opposing end them? To die: to sleep;
No more; and by a sleep to say we end
The heart-ache and the thousand natural shocks
That flesh is heir to, 'tis a consummation
Devoutly to be wish'd. To die, to sleep;
To sleep: perchance to dream: ay, there's the rub;
For in that sleep of death what dreams may come
When we have shuffled off this mortal coil,
Must give us pause: there's the respect
That makes calamity of so long life.

JULIET:
O Romeo, Romeo! wherefore art thou Romeo?
Deny thy father and refuse thy name;
Or, if thou wilt not, be but sworn my love,
And I'll no longer be a Capulet.

ROMEO:
Shall I hear more, or shall I speak at this?

JULIET:
'Tis but thy name that is my enemy;
Thou art thyself, though not a Montague.
What's Montague? it is nor hand, nor foot,
Nor arm, nor face, nor any other part
Belonging to a man. O, be some other name!
What's in a name? that which we call a rose
By any other name would smell as sweet;
So Romeo would, were he not Romeo call'd,
Retain that dear perfection which he owes
Without that title. Romeo, doff thy name,
And for that name which is no part of thee
Take all myself.

KING RICHARD III:
Now is the winter of our discontent
Made glorious summer by this sun of York;
And all the clouds that lour'd upon our house
In the deep bosom of the ocean buried.
Now are our brows bound with victorious wreaths;
Our bruised arms hung up for monuments;
Our stern alarums changed to merry meetings,
Our dreadful marches to delightful measures.

LADY MACBETH:
Out, damned spot! out, I say! One: two: why,
then, 'tis time to do't. Hell is murky! Fie, my
lord, fie! a soldier, and afeard? What need we
fear who knows it, when none can call our power to
account? Yet who would have thought the old man
to have had so much blood in him?

MACBETH:
To-morrow, and to-morrow, and to-morrow,
Creeps in this petty pace from day to day
To the last syllable of recorded time,
And all our yesterdays have lighted fools
The way to dusty death. Out, out, brief candle!
Life's but a walking shadow, a poor player
That struts and frets his hour upon the stage
And then is heard no more: it is a tale
Told by an idiot, full of sound and fury,
Signifying nothing.

PORTIA:
The quality of mercy is not strain'd,
It droppeth as the gentle rain from heaven
Upon the place beneath: it is twice blest;
It blesseth him that gives and him that takes:
'Tis mightiest in the mightiest: it becomes
The throned monarch better than his crown.
"""

NAMES = {  # language → surnames (UTF-8, accents kept, a repeat as the real files have)
    "German": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann",
               "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Koch"],
    "Italian": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Costa", "Giordano"],
    "Japanese": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
                 "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue"],
    "Russian": ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov",
                "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov",
                "Pavlov", "Kozlov", "Stepanov", "Nikolaev"],
    "Spanish": ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
                "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz"],
}  # fmt: skip

POSITIVE = [
    "a gorgeous , witty and moving film",
    "the best film of the year",
    "an utterly charming and hilarious delight",
    "it 's a wonderful , heartfelt story",
    "smart , funny and beautifully acted",
    "a triumph of imagination",
    "warm , tender and true",
    "the performances are superb",
]
NEGATIVE = [
    "a dull , lifeless mess",
    "the worst film of the year",
    "boring , predictable and far too long",
    "it never finds its footing",
    "a tedious , muddled script",
    "flat characters and lazy jokes",
    "an ugly , pointless exercise",
    "the plot is n't worth a second look",
]


def _idx(path: Path, magic: int, array: np.ndarray) -> None:
    """Write a uint8 array as a gzipped IDX file: magic, one big-endian int32 per dimension, the bytes."""
    header = magic.to_bytes(4, "big") + b"".join(n.to_bytes(4, "big") for n in array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(np.uint8).tobytes())


def _digits(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n 28×28 images: digit d is a bright bar at row 4 + 2d, shifted by up to 3 px, on a 0 background."""
    labels = rng.permutation(np.arange(n) % 10).astype(np.uint8)
    images = np.zeros((n, 28, 28), np.uint8)
    shifts = rng.integers(0, 4, size=(n, 2))
    for i, (d, (dy, dx)) in enumerate(zip(labels, shifts, strict=True)):
        row = 4 + 2 * int(d) + int(dy)
        images[i, row : row + 2, 4 + dx : 20 + dx] = 255
        images[i, 4 + dy : 24 + dy, 12 + dx] = 128  # a stroke shared by every digit
    return images, labels


def write_mnist(data_dir: Path, seed: int = 0) -> Path:
    folder = Path(data_dir) / "mnist"
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for prefix, n in (("train", MNIST_TRAIN), ("t10k", MNIST_TEST)):
        images, labels = _digits(n, rng)
        _idx(folder / f"{prefix}-images-idx3-ubyte.gz", 2051, images)
        _idx(folder / f"{prefix}-labels-idx1-ubyte.gz", 2049, labels)
    return folder


def write_shakespeare(data_dir: Path) -> Path:
    path = Path(data_dir) / "tinyshakespeare" / "input.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(SHAKESPEARE.encode("ascii"))  # ASCII, LF line endings, as the real file
    return path


def write_names(data_dir: Path) -> Path:
    folder = Path(data_dir) / "names"
    folder.mkdir(parents=True, exist_ok=True)
    for language, names in NAMES.items():
        (folder / f"{language}.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    return folder


def write_sentiment(data_dir: Path) -> Path:
    """sentiment/sst2/{train,dev}.tsv (header, trailing space before the tab) and rt-polarity.{pos,neg}."""
    folder = Path(data_dir) / "sentiment"
    (folder / "sst2").mkdir(parents=True, exist_ok=True)
    rows = [(s, 1) for s in POSITIVE] + [(s, 0) for s in NEGATIVE]
    train = rows * 6 + [(s.split(" , ")[0], y) for s, y in rows]  # phrases and sentences, as SST-2's train
    for name, split in (("train", train), ("dev", rows)):
        lines = ["sentence\tlabel", *(f"{sentence} \t{label}" for sentence, label in split)]
        (folder / "sst2" / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for suffix, sentences in (("pos", POSITIVE), ("neg", NEGATIVE)):
        # cp1252, as the original files: 0x92 is a right single quote there (a control character in latin-1)
        text = "".join(f"{s} \u2019 {i}\n" for i in range(8) for s in sentences)
        (folder / f"rt-polarity.{suffix}").write_bytes(text.encode("cp1252"))
    return folder


def write_all(data_dir: Path) -> Path:
    """Every data set above under data_dir, laid out as a --data-dir; returns data_dir."""
    write_mnist(data_dir)
    write_shakespeare(data_dir)
    write_names(data_dir)
    write_sentiment(data_dir)
    return Path(data_dir)
