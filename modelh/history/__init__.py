"""Canvases over time and across clients: two versions compared by meaning
(``diff``), a canvas's past read from git (``gitread``, ``trend``), where every
canvas in a folder stands (``status``), and next plan year's canvas made from
last year's (``nextyear``). Results are plain frozen data; ``output`` prints
them as text, Markdown or JSON."""
