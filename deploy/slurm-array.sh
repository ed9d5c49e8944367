#!/usr/bin/env bash
# Fans an lra-bench suite out over a Slurm job array: array task K runs trial K (see `./lra bench --list-trials`).
# Submit with deploy/slurm-submit.sh, which builds the runner once, creates logs/ and sizes the array from the suite.
# By hand, from the repository root:
#   mkdir -p logs && ./mvnw -B -q -DskipTests package && sbatch --array=0-11 deploy/slurm-array.sh
# (Slurm opens the --output file below before the script runs: logs/ must exist when the job is submitted, or every
# task dies at once with no log. The tasks never build: tasks that start together would rebuild one tree.)
# Afterwards `./lra report results/fanout/*` merges the folders. A re-submitted task resumes its trial from the last
# checkpoint in its own folder.
# LRA_SUITE: the suite's options (default: the cpu profile on scifar, two seeds); LRA_DATA: the CIFAR-10 copy;
# LRA_FANOUT_OUT: where the trial folders go.
#SBATCH --job-name=lra-bench
#SBATCH --array=0-11
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=02:00:00
#SBATCH --output=logs/lra-bench-%A-%a.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-.}"
export LRA_NO_BUILD=1
suite="${LRA_SUITE:---protocol scifar --profile cpu --seeds 2}"
# shellcheck disable=SC2086
./lra bench $suite --data "${LRA_DATA:-$HOME/data/cifar10}" \
  --trial "${SLURM_ARRAY_TASK_ID}" --out "${LRA_FANOUT_OUT:-results/fanout}/trial-${SLURM_ARRAY_TASK_ID}"
