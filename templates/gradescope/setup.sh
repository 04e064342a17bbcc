#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image
# (the zip is unpacked into /autograder/source first).
set -euo pipefail
apt-get install -y python3 python3-pip python3-venv
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install -e /autograder/source
