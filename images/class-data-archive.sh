#!/bin/sh
# Makes a class-data archive (JDK CDS, static) of a Spark home for the JDK that runs this script: the
# JDK's classes and Spark's that the class list names, which every JVM whose class path starts with
# <spark home>/jars/* maps at start instead of loading them from the jars. images/Dockerfile runs it
# with the image's own JDK and jars; the chart's spark.image.classDataArchive puts the jars first.
#
#   images/class-data-archive.sh SPARK_HOME CLASS_LIST ARCHIVE
#
# CLASS_LIST: images/spark-<line>.classlist, the classes a Connect server loads while it answers the
# kinds of query the platform runs (ImageClassDataArchiveTest writes them). Plain class names, which
# every JDK from 11 reads (no comments in it); a class this JDK or these jars do not have is left
# out. Every line is a class name: org/glassfish/jaxb/core/v2/TODO is JAXB's own marker class, which
# Jersey loads, not a work item.
set -eu
home=$1
list=$2
archive=$3
mkdir -p "$(dirname "$archive")"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xshare:dump -XX:SharedClassListFile="$list" \
  -XX:SharedArchiveFile="$archive" -cp "$home/jars/*"
chmod 644 "$archive"
