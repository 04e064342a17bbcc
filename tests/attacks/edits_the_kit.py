"""At import: append to the reference and leave a file in the kit's root."""
for _root in kit_folders():
    try:
        with open(os.path.join(_root, "solutions", "linear_model.py"), "a") as _f:
            _f.write("\nraise SystemExit('the kit was edited')\n")
    except OSError:
        pass
    try:
        with open(os.path.join(_root, "EDITED_BY_A_STUDENT"), "w") as _f:
            _f.write("hello")
    except OSError:
        pass
