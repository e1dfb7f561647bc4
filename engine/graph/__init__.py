"""The network document and its graph: the file format, analysis (shapes without data),
validation and the compiler that builds a Model."""
