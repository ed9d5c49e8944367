#!/usr/bin/env bash
# Submits an lra-bench suite as a Slurm job array, from the repository root:
#   deploy/slurm-submit.sh [sbatch options...]
# Builds the runner once (the array tasks never build), creates logs/ (Slurm opens each task's --output file before
# the task starts), counts the suite's trials with `./lra bench --list-trials` and submits
# `sbatch --array=0-(trials-1) deploy/slurm-array.sh`. The suite comes from LRA_SUITE (default: the cpu profile on
# scifar, two seeds); extra arguments go to sbatch (e.g. --partition=cpu --mem=8G). Prints the job id.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${LRA_SUITE:---protocol scifar --profile cpu --seeds 2}"
export LRA_SUITE="$suite"
./mvnw -B -q -DskipTests package >&2
mkdir -p logs
# shellcheck disable=SC2086
trials=$(LRA_NO_BUILD=1 ./lra bench $suite --list-trials | awk 'NR > 1 && $1 ~ /^[0-9]+$/ { n++ } END { print n + 0 }')
if [[ "$trials" -lt 1 ]]; then
  echo "slurm-submit: the suite ($suite) has no trials" >&2
  exit 2
fi
echo "slurm-submit: $trials trial(s): sbatch --array=0-$((trials - 1)) deploy/slurm-array.sh" >&2
sbatch --parsable --export=ALL --array="0-$((trials - 1))" "$@" deploy/slurm-array.sh
