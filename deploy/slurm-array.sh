#!/usr/bin/env bash
# Fans an lra-bench suite out over a Slurm job array: array task K runs trial K (see `./lra bench --list-trials`).
# Submit from the repository root with the array range 0..(trials-1); afterwards `./lra report results/fanout/*`
# merges the folders. A re-submitted task resumes its trial from the last checkpoint in its own folder.
#SBATCH --job-name=lra-bench
#SBATCH --array=0-11
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=02:00:00
#SBATCH --output=logs/lra-bench-%A-%a.log
set -euo pipefail
./lra bench --protocol scifar --profile cpu --seeds 2 --data "${LRA_DATA:-$HOME/data/cifar10}" \
  --trial "${SLURM_ARRAY_TASK_ID}" --out "results/fanout/trial-${SLURM_ARRAY_TASK_ID}"
