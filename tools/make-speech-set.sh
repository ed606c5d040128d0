#!/usr/bin/env bash
# Makes a labelled speech set in SAKURA layout with Debian's espeak-ng and sox:
#   OUT/{train,heldout}/{Gender,Language}/audio/*.wav + metadata.csv (16 kHz mono PCM16).
# Voices are kept apart: the held-out set uses voice variants that never occur in train.
#
#   tools/make-speech-set.sh OUT [SENTENCES_PER_LANGUAGE] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]
#
# SENTENCES_PER_LANGUAGE (default 12, at most 12) sentences per language; variants are espeak-ng
# voice variants "m1".."m7", "f1".."f5" (a variant sets the speaker's gender).
# Needs: apt-get install espeak-ng sox
set -euo pipefail
out=${1:?usage: make-speech-set.sh OUT [SENTENCES] [TRAIN_VARIANTS] [HELDOUT_VARIANTS]}
sentences=${2:-12}
train_variants=${3:-"m1 m2 m3 m4 m5 f1 f2 f3"}
heldout_variants=${4:-"m7 f5"}
command -v espeak-ng >/dev/null && command -v sox >/dev/null || {
  echo "make-speech-set.sh: needs espeak-ng and sox (apt-get install espeak-ng sox)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
text="$here/speech-set-text"

# language label -> espeak-ng voice (plain "cmn" is broken; pinyin input works)
declare -A voice=([English]=en [German]=de [Spanish]=es [French]=fr [Italian]=it
                  [Chinese]=cmn-latn-pinyin [Japanese]=ja [Korean]=ko)
languages=(English German Spanish French Italian Chinese Japanese Korean)
gender_languages=(English German Spanish French Italian)

header='file,attribute_label,single_instruction,single_answer,multi_instruction,multi_answer'
q_gender='What is the gender of the speaker in the speech?'
q_language='What is the language spoken in the speech?'

speak() { # voice variant sentence wav
  local tmp; tmp="$(mktemp --suffix=.wav)"
  espeak-ng -v "$1+$2" -s 150 -w "$tmp" "$3"
  sox -q "$tmp" -r 16000 -b 16 -c 1 "$4" norm -3
  rm -f "$tmp"
}

make_split() { # split variants...
  local split=$1; shift
  local root="$out/$split"
  mkdir -p "$root/Gender/audio" "$root/Language/audio"
  echo "$header" > "$root/Gender/metadata.csv"
  echo "$header" > "$root/Language/metadata.csv"
  local n=0
  for variant in "$@"; do
    local gender=male; [[ $variant == f* ]] && gender=female
    for language in "${languages[@]}"; do
      local i=0
      while IFS= read -r sentence && (( i < sentences )); do
        i=$((i + 1))
        local name="${language,,}_${variant}_$(printf %02d $i).wav"
        speak "${voice[$language]}" "$variant" "$sentence" "$root/Language/audio/$name"
        echo "$name,$language,\"$q_language\",$language,\"$q_language\",$language" >> "$root/Language/metadata.csv"
        if [[ " ${gender_languages[*]} " == *" $language "* ]]; then
          cp "$root/Language/audio/$name" "$root/Gender/audio/$name"
          echo "$name,$gender,\"$q_gender\",$gender,\"$q_gender\",$gender" >> "$root/Gender/metadata.csv"
        fi
        n=$((n + 1))
      done < "$text/${language,,}.txt"
    done
    echo "$split: voice variant $variant done ($n clips)" >&2
  done
}

make_split train $train_variants
make_split heldout $heldout_variants
