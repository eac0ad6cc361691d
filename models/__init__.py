"""The shipped models (data only): installed as the package `summaryparse.models`, read with importlib.resources."""
